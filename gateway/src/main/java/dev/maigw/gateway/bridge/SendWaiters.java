package dev.maigw.gateway.bridge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Callers waiting in this instance for a send to change. Only a wake-up hint: waiters re-read the
 * send from the store, and wake by themselves now and then, so a reply stored by another gateway
 * instance is seen too.
 */
@Component
class SendWaiters {

  private final Map<String, List<CompletableFuture<Long>>> waiting = new ConcurrentHashMap<>();

  CompletableFuture<Long> register(String sendId) {
    CompletableFuture<Long> wakeUp = new CompletableFuture<>();
    waiting.computeIfAbsent(sendId, id -> new CopyOnWriteArrayList<>()).add(wakeUp);
    return wakeUp;
  }

  void unregister(String sendId, CompletableFuture<Long> wakeUp) {
    waiting.computeIfPresent(
        sendId,
        (id, list) -> {
          list.remove(wakeUp);
          return list.isEmpty() ? null : list;
        });
  }

  /**
   * Wakes everyone waiting for {@code sendId}.
   *
   * @param changedAtNanos {@link System#nanoTime()} when the change committed
   */
  void wake(String sendId, long changedAtNanos) {
    List<CompletableFuture<Long>> list = waiting.get(sendId);
    if (list != null) {
      list.forEach(f -> f.complete(changedAtNanos));
    }
  }
}
