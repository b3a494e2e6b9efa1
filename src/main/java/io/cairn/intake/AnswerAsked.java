package io.cairn.intake;

/**
 * A question as it was asked and the answer given, kept with the report so that editing the template later never
 * changes it.
 *
 * @param answer the answer as the reporter gave it, or the label of the chosen option or device
 */
public record AnswerAsked(String key, QuestionKind kind, String question, String answer) {}
