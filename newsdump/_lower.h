/* str.lower() one character at a time: it maps every character to one, Py_UNICODE_TOLOWER's,
 * but for two, U+0130 ('İ', to two characters) and U+03A3 ('Σ', a final sigma or not by its
 * context). The compiled passes that lower text as they read it (_features.c's tokens and
 * stopword counts, _headline.c's candidate words) send a text holding either through
 * str.lower instead. Shared by _features.c, _headline.c and _feed.c. */
#ifndef NEWSDUMP_LOWER_H
#define NEWSDUMP_LOWER_H

#include <Python.h>

/* whether str.lower() lowers c otherwise than lower_alone(c) */
static inline int lowers_by_context(Py_UCS4 c) { return c == 0x130 || c == 0x3A3; }

/* str.lower()'s mapping of c, for any c but those two */
static inline Py_UCS4 lower_alone(Py_UCS4 c) {
    return c < 128 ? (Py_UCS4)Py_TOLOWER(c) : (Py_UCS4)Py_UNICODE_TOLOWER(c);
}

/* 1 if text holds a character lowers_by_context, 0 if not, -1 on error */
static inline int holds_context_lower(PyObject *text) {
    Py_ssize_t end = PyUnicode_GET_LENGTH(text);
    Py_ssize_t dotted = PyUnicode_FindChar(text, 0x130, 0, end, 1);
    if (dotted != -1)
        return dotted == -2 ? -1 : 1;
    Py_ssize_t sigma = PyUnicode_FindChar(text, 0x3A3, 0, end, 1);
    return sigma == -2 ? -1 : sigma >= 0;
}

#endif
