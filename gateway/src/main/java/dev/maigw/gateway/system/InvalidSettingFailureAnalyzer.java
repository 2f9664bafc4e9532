package dev.maigw.gateway.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidSettingException} anywhere in a failed start as its one sentence
 * (variable, problem, fix), without the stack trace Spring would otherwise print. Registered in
 * {@code META-INF/spring.factories}.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
    return new FailureAnalysis(
        cause.getMessage(), "Change " + cause.variable() + ": " + cause.fix() + ".", cause);
  }
}
