package dev.maigw.emulator.delivery;

/** Where a webhook delivery stands. */
public enum DeliveryState {
  /** Held back by the out-of-order fault until its batch is complete or released. */
  HELD,
  /** Waiting for its first attempt. */
  PENDING,
  /** Failed at least once; another attempt is scheduled. */
  RETRYING,
  /** Answered with exactly HTTP 200. */
  DELIVERED,
  /** Failed every attempt of the retry schedule. */
  GAVE_UP
}
