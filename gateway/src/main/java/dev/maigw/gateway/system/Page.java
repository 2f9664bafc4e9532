package dev.maigw.gateway.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint, the same shape on every route: {@code {"items":[…],
 * "nextCursor":…}}. Cursors are keyset positions (the last item's sort key), never offsets, so a
 * row inserted while a client pages neither repeats nor hides another.
 *
 * @param nextCursor pass it back to get the next page; null when this page is the last
 */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * The page for {@code rows} read with {@code limit}: a full page gets the last row's cursor, a
   * short one none.
   */
  public static <R, T> Page<T> of(
      List<R> rows, int limit, Function<R, T> view, Function<R, String> cursor) {
    String next = rows.size() < limit ? null : cursor.apply(rows.get(rows.size() - 1));
    return new Page<>(rows.stream().map(view).toList(), next);
  }
}
