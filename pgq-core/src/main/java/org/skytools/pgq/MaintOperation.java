package org.skytools.pgq;

/** One step listed by {@code pgq.maint_operations}: a function name and its argument (may be null). */
public record MaintOperation(String funcName, String funcArg) {}
