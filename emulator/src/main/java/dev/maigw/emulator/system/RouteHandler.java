package dev.maigw.emulator.system;

import java.io.IOException;

/** Answers one routed request. May throw {@link HttpProblemException} for client errors. */
@FunctionalInterface
public interface RouteHandler {
  Response handle(Request request) throws IOException;
}
