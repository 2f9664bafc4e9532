package dev.maigw.emulator.fault;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant's spelling in the control API's JSON. */
public interface WireToken {
  /** The canonical spelling, e.g. {@code "created_at"}. */
  String token();

  /** Other accepted spellings (case-insensitive). */
  default String[] aliases() {
    return new String[0];
  }

  /**
   * Finds the constant spelled {@code value}.
   *
   * @throws InvalidFaultException naming the switch, the value and the accepted spellings
   */
  static <E extends Enum<E> & WireToken> E parse(Class<E> type, String fault, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.token().equalsIgnoreCase(value)
          || Arrays.stream(constant.aliases()).anyMatch(alias -> alias.equalsIgnoreCase(value))) {
        return constant;
      }
    }
    String accepted =
        Arrays.stream(type.getEnumConstants())
            .map(WireToken::token)
            .collect(Collectors.joining(", "));
    throw new InvalidFaultException(
        "Unknown value for fault " + fault + ": " + value + "; expected one of " + accepted);
  }
}
