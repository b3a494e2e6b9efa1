package io.cairn.intake;

import java.util.List;

/**
 * What a reporter without an account sees after submitting: the reference, the tips, and the follow-up code, shown
 * this once, with which they read the status and answer the handlers' questions.
 */
record AnonymousReceipt(String reference, List<String> tips, String followUpCode) {}
