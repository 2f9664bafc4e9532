package dev.maigw.gateway.console;

import dev.maigw.gateway.bridge.BridgeActivity.SentMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One line of a transcript: a message sent through the bridge, or a stored reply. */
public record TranscriptEntry(Instant at, SentMessage sent, ReplyView reply) {

  public boolean isSent() {
    return sent != null;
  }

  /** Sends and replies in time order; a send made in the same millisecond comes first. */
  static List<TranscriptEntry> merge(List<SentMessage> sends, List<ReplyView> replies) {
    List<TranscriptEntry> entries = new ArrayList<>(sends.size() + replies.size());
    sends.forEach(s -> entries.add(new TranscriptEntry(s.createdAt(), s, null)));
    replies.forEach(r -> entries.add(new TranscriptEntry(r.message().receivedAt(), null, r)));
    entries.sort(Comparator.comparing(TranscriptEntry::at).thenComparing(e -> e.isSent() ? 0 : 1));
    return entries;
  }
}
