/* newsdump/_dates.c: dates._find_dates compiled, one pass per text that returns the same
 * FoundDate list as the Python reference (newsdump/dates.py _find_dates_py): the anchors of
 * MAYBE_DATE, the windows around them and their NEEDS bits, then each of DATE_SOURCES' eight
 * patterns run as re runs it over each window (finditer(text, lo, hi): the text visible up to
 * hi, lookbehinds seeing before lo; re's IGNORECASE: a cased letter of a pattern matches a
 * character whose simple lower case is it, or one of re's extra cases of it; \d, \s, \w as
 * re's: Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE, Py_UNICODE_ISALNUM or '_'), each pattern
 * trying its alternatives in re's order of backtracking, and _iso. Any str kind; linear in the
 * text (the windows are disjoint; each position of a window costs at most a window's length).
 * tests/unit/test_dates_compiled.py compares it with the Python reference. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n; /* the visible end: a character at or after it reads as NUL (no test takes NUL) */
} Text;

static inline Py_UCS4 at(const Text *t, Py_ssize_t i) {
    return (i >= 0 && i < t->n) ? PyUnicode_READ(t->kind, t->data, i) : 0;
}
static inline int is_dec(Py_UCS4 c) {
    return (c >= '0' && c <= '9') || (c >= 128 && Py_UNICODE_ISDECIMAL(c));
}
static inline int dec(Py_UCS4 c) { return (c >= '0' && c <= '9') ? (int)(c - '0') : Py_UNICODE_TODECIMAL(c); }
static inline int is_space(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c); }
static inline int is_word(Py_UCS4 c) {
    if (c < 128)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return Py_UNICODE_ISALNUM(c);
}
static inline Py_UCS4 lower(Py_UCS4 c) {
    if (c < 128)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return Py_UNICODE_TOLOWER(c);
}
static inline int in_range(Py_UCS4 c, char a, char b) { return c >= (Py_UCS4)a && c <= (Py_UCS4)b; }

/* re's IGNORECASE test of character c against a pattern's cased letter p (lower case) */
static inline int ci(Py_UCS4 c, Py_UCS4 p) {
    Py_UCS4 l = lower(c);
    if (l == p)
        return 1;
    if (l < 0x131)
        return 0;
    switch (p) { /* re's extra cases (re._compiler._EXTRA_CASES) of the patterns' letters */
    case 'i': return l == 0x131;
    case 's': return l == 0x17f;
    case 0x432: return l == 0x1c80;
    case 0x434: return l == 0x1c81;
    case 0x43e: return l == 0x1c82;
    case 0x441: return l == 0x1c83;
    case 0x442: return l == 0x1c84 || l == 0x1c85;
    case 0x44a: return l == 0x1c86;
    case 0x463: return l == 0x1c87;
    default: return 0;
    }
}
/* [a-z] (or [A-Z]) under IGNORECASE: the lower case in a-z or one of their extra cases */
static inline int ci_latin(Py_UCS4 c) {
    Py_UCS4 l = lower(c);
    return (l >= 'a' && l <= 'z') || l == 0x131 || l == 0x17f;
}
/* the letters of an ASCII word at i, each under IGNORECASE */
static inline int ci_word(const Text *t, Py_ssize_t i, const char *w) {
    for (; *w; w++, i++)
        if (*w == ' ' ? at(t, i) != ' ' : !ci(at(t, i), (Py_UCS4)(unsigned char)*w))
            return 0;
    return 1;
}
static inline Py_ssize_t skip_spaces(const Text *t, Py_ssize_t i) {
    while (i < t->n && is_space(at(t, i)))
        i++;
    return i;
}
static inline int is_year(const Text *t, Py_ssize_t i) { /* (?:19|20)\d\d */
    Py_UCS4 a = at(t, i), b = at(t, i + 1);
    return ((a == '1' && b == '9') || (a == '2' && b == '0')) && is_dec(at(t, i + 2)) && is_dec(at(t, i + 3));
}
static inline int num2(const Text *t, Py_ssize_t i) { return dec(at(t, i)) * 10 + dec(at(t, i + 1)); }
static inline int num4(const Text *t, Py_ssize_t i) { return num2(t, i) * 100 + num2(t, i + 2); }

typedef struct {
    int len, month;
    Py_UCS4 c[12];
} MonthName;

/* dates.MONTHS by first letter, the longest first (tests/unit/test_dates_compiled.py compares
 * month_names() with it) */
static const MonthName MONTH_NAMES[] = {
    {8, 8, {'a', 'u', 'g', 'u', 's', 't', 'u', 's'}}, /* augustus */
    {7, 8, {'a', 'g', 'u', 's', 't', 'u', 's'}}, /* agustus */
    {7, 4, {'a', 'p', 'r', 'i', 'l', 'i', 'e'}}, /* aprilie */
    {7, 8, {'a', 'u', 'g', 'u', 's', 't', 'a'}}, /* augusta */
    {7, 8, {'a', 'u', 'g', 'u', 's', 't', 'i'}}, /* augusti */
    {6, 8, {'a', 'g', 'o', 's', 't', 'o'}}, /* agosto */
    {6, 4, {'a', 'p', 'r', 'i', 'l', 'e'}}, /* aprile */
    {6, 4, {'a', 'p', 'r', 0xed, 'l', 'a'}}, /* apr\xedla */
    {6, 8, {'a', 'u', 'g', 'u', 's', 't'}}, /* august */
    {5, 4, {'a', 'b', 'r', 'i', 'l'}}, /* abril */
    {5, 4, {'a', 'p', 'r', 'i', 'l'}}, /* april */
    {5, 4, {'a', 'v', 'r', 'i', 'l'}}, /* avril */
    {4, 8, {'a', 'o', 'u', 't'}}, /* aout */
    {4, 8, {'a', 'o', 0xfb, 't'}}, /* ao\xfbt */
    {3, 8, {'a', 'g', 'o'}}, /* ago */
    {3, 4, {'a', 'p', 'r'}}, /* apr */
    {3, 8, {'a', 'u', 'g'}}, /* aug */
    {6, 3, {'b', 0x159, 'e', 'z', 'e', 'n'}}, /* b\u0159ezen */
    {6, 3, {'b', 0x159, 'e', 'z', 'n', 'a'}}, /* b\u0159ezna */
    {8, 6, {'c', 'z', 'e', 'r', 'w', 'i', 'e', 'c'}}, /* czerwiec */
    {7, 6, {'c', 'z', 'e', 'r', 'w', 'c', 'a'}}, /* czerwca */
    {9, 12, {'d', 'e', 'c', 'e', 'm', 'b', 'r', 'i', 'e'}}, /* decembrie */
    {9, 12, {'d', 'i', 'c', 'i', 'e', 'm', 'b', 'r', 'e'}}, /* diciembre */
    {8, 12, {'d', 'e', 'c', 'e', 'm', 'b', 'e', 'r'}}, /* december */
    {8, 12, {'d', 'e', 'c', 'e', 'm', 'b', 'r', 'a'}}, /* decembra */
    {8, 12, {'d', 'e', 'c', 'e', 'm', 'b', 'r', 'e'}}, /* decembre */
    {8, 12, {'d', 'e', 's', 'e', 'm', 'b', 'e', 'r'}}, /* desember */
    {8, 12, {'d', 'e', 'z', 'e', 'm', 'b', 'e', 'r'}}, /* dezember */
    {8, 12, {'d', 'e', 'z', 'e', 'm', 'b', 'r', 'o'}}, /* dezembro */
    {8, 12, {'d', 'i', 'c', 'e', 'm', 'b', 'r', 'e'}}, /* dicembre */
    {8, 12, {'d', 0xe9, 'c', 'e', 'm', 'b', 'r', 'e'}}, /* d\xe9cembre */
    {5, 4, {'d', 'u', 'b', 'e', 'n'}}, /* duben */
    {5, 4, {'d', 'u', 'b', 'n', 'a'}}, /* dubna */
    {3, 12, {'d', 'e', 'c'}}, /* dec */
    {3, 12, {'d', 'e', 'z'}}, /* dez */
    {3, 12, {'d', 'i', 'c'}}, /* dic */
    {5, 1, {'e', 'n', 'e', 'r', 'o'}}, /* enero */
    {3, 1, {'e', 'n', 'e'}}, /* ene */
    {9, 2, {'f', 'e', 'b', 'r', 'u', 'a', 'r', 'i', 'e'}}, /* februarie */
    {9, 2, {'f', 'e', 'v', 'e', 'r', 'e', 'i', 'r', 'o'}}, /* fevereiro */
    {8, 2, {'f', 'e', 'b', 'b', 'r', 'a', 'i', 'o'}}, /* febbraio */
    {8, 2, {'f', 'e', 'b', 'r', 'u', 'a', 'r', 'i'}}, /* februari */
    {8, 2, {'f', 'e', 'b', 'r', 'u', 'a', 'r', 'y'}}, /* february */
    {8, 2, {'f', 'e', 'b', 'r', 'u', 0xe1, 'r', 'a'}}, /* febru\xe1ra */
    {7, 2, {'f', 'e', 'b', 'r', 'e', 'r', 'o'}}, /* febrero */
    {7, 2, {'f', 'e', 'b', 'r', 'u', 'a', 'r'}}, /* februar */
    {7, 2, {'f', 'e', 'v', 'r', 'i', 'e', 'r'}}, /* fevrier */
    {7, 2, {'f', 0xe9, 'v', 'r', 'i', 'e', 'r'}}, /* f\xe9vrier */
    {4, 2, {'f', 'e', 'b', 'r'}}, /* febr */
    {4, 2, {'f', 0xe9, 'v', 'r'}}, /* f\xe9vr */
    {3, 2, {'f', 'e', 'b'}}, /* feb */
    {3, 2, {'f', 'e', 'v'}}, /* fev */
    {8, 12, {'g', 'r', 'u', 'd', 'z', 'i', 'e', 0x144}}, /* grudzie\u0144 */
    {7, 1, {'g', 'e', 'n', 'n', 'a', 'i', 'o'}}, /* gennaio */
    {7, 12, {'g', 'r', 'u', 'd', 'n', 'i', 'a'}}, /* grudnia */
    {6, 6, {'g', 'i', 'u', 'g', 'n', 'o'}}, /* giugno */
    {3, 1, {'g', 'e', 'n'}}, /* gen */
    {3, 6, {'g', 'i', 'u'}}, /* giu */
    {8, 1, {'i', 'a', 'n', 'u', 'a', 'r', 'i', 'e'}}, /* ianuarie */
    {5, 7, {'i', 'u', 'l', 'i', 'e'}}, /* iulie */
    {5, 6, {'i', 'u', 'n', 'i', 'e'}}, /* iunie */
    {7, 1, {'j', 'a', 'n', 'e', 'i', 'r', 'o'}}, /* janeiro */
    {7, 1, {'j', 'a', 'n', 'u', 'a', 'r', 'i'}}, /* januari */
    {7, 1, {'j', 'a', 'n', 'u', 'a', 'r', 'y'}}, /* january */
    {7, 1, {'j', 'a', 'n', 'u', 0xe1, 'r', 'a'}}, /* janu\xe1ra */
    {7, 1, {'j', 'a', 'n', 'v', 'i', 'e', 'r'}}, /* janvier */
    {7, 7, {'j', 'u', 'i', 'l', 'l', 'e', 't'}}, /* juillet */
    {6, 1, {'j', 'a', 'n', 'u', 'a', 'r'}}, /* januar */
    {6, 1, {'j', 0xe4, 'n', 'n', 'e', 'r'}}, /* j\xe4nner */
    {5, 7, {'j', 'u', 'l', 'h', 'o'}}, /* julho */
    {5, 7, {'j', 'u', 'l', 'i', 'o'}}, /* julio */
    {5, 6, {'j', 'u', 'n', 'h', 'o'}}, /* junho */
    {5, 6, {'j', 'u', 'n', 'i', 'o'}}, /* junio */
    {4, 1, {'j', 'a', 'n', 'v'}}, /* janv */
    {4, 7, {'j', 'u', 'i', 'l'}}, /* juil */
    {4, 6, {'j', 'u', 'i', 'n'}}, /* juin */
    {4, 7, {'j', 'u', 'l', 'i'}}, /* juli */
    {4, 7, {'j', 'u', 'l', 'y'}}, /* july */
    {4, 6, {'j', 'u', 'n', 'e'}}, /* june */
    {4, 6, {'j', 'u', 'n', 'i'}}, /* juni */
    {4, 7, {'j', 0xfa, 'l', 'a'}}, /* j\xfala */
    {4, 6, {'j', 0xfa, 'n', 'a'}}, /* j\xfana */
    {3, 1, {'j', 'a', 'n'}}, /* jan */
    {3, 7, {'j', 'u', 'l'}}, /* jul */
    {3, 6, {'j', 'u', 'n'}}, /* jun */
    {3, 1, {'j', 0xe4, 'n'}}, /* j\xe4n */
    {8, 4, {'k', 'w', 'i', 'e', 'c', 'i', 'e', 0x144}}, /* kwiecie\u0144 */
    {8, 4, {'k', 'w', 'i', 'e', 't', 'n', 'i', 'a'}}, /* kwietnia */
    {6, 5, {'k', 'v', 0x11b, 't', 'e', 'n'}}, /* kv\u011bten */
    {6, 5, {'k', 'v', 0x11b, 't', 'n', 'a'}}, /* kv\u011btna */
    {9, 11, {'l', 'i', 's', 't', 'o', 'p', 'a', 'd', 'a'}}, /* listopada */
    {9, 11, {'l', 'i', 's', 't', 'o', 'p', 'a', 'd', 'u'}}, /* listopadu */
    {8, 11, {'l', 'i', 's', 't', 'o', 'p', 'a', 'd'}}, /* listopad */
    {6, 7, {'l', 'i', 'p', 'i', 'e', 'c'}}, /* lipiec */
    {6, 7, {'l', 'u', 'g', 'l', 'i', 'o'}}, /* luglio */
    {6, 2, {'l', 'u', 't', 'e', 'g', 'o'}}, /* lutego */
    {5, 1, {'l', 'e', 'd', 'e', 'n'}}, /* leden */
    {5, 1, {'l', 'e', 'd', 'n', 'a'}}, /* ledna */
    {5, 7, {'l', 'i', 'p', 'c', 'a'}}, /* lipca */
    {4, 2, {'l', 'u', 't', 'y'}}, /* luty */
    {3, 7, {'l', 'u', 'g'}}, /* lug */
    {6, 5, {'m', 'a', 'g', 'g', 'i', 'o'}}, /* maggio */
    {6, 3, {'m', 'a', 'r', 't', 'i', 'e'}}, /* martie */
    {6, 3, {'m', 'a', 'r', 'z', 'e', 'c'}}, /* marzec */
    {5, 3, {'m', 'a', 'a', 'r', 't'}}, /* maart */
    {5, 3, {'m', 'a', 'e', 'r', 'z'}}, /* maerz */
    {5, 3, {'m', 'a', 'r', 'c', 'a'}}, /* marca */
    {5, 3, {'m', 'a', 'r', 'c', 'h'}}, /* march */
    {5, 3, {'m', 'a', 'r', 'e', 't'}}, /* maret */
    {5, 3, {'m', 'a', 'r', 't', 's'}}, /* marts */
    {5, 3, {'m', 'a', 'r', 'z', 'o'}}, /* marzo */
    {5, 3, {'m', 'a', 'r', 0xe7, 'o'}}, /* mar\xe7o */
    {4, 5, {'m', 'a', 'i', 'o'}}, /* maio */
    {4, 5, {'m', 'a', 'j', 'a'}}, /* maja */
    {4, 3, {'m', 'a', 'r', 's'}}, /* mars */
    {4, 5, {'m', 'a', 'y', 'o'}}, /* mayo */
    {4, 5, {'m', 0xe1, 'j', 'a'}}, /* m\xe1ja */
    {4, 3, {'m', 0xe4, 'r', 'z'}}, /* m\xe4rz */
    {3, 5, {'m', 'a', 'g'}}, /* mag */
    {3, 5, {'m', 'a', 'i'}}, /* mai */
    {3, 5, {'m', 'a', 'j'}}, /* maj */
    {3, 3, {'m', 'a', 'r'}}, /* mar */
    {3, 5, {'m', 'a', 'y'}}, /* may */
    {3, 5, {'m', 'e', 'i'}}, /* mei */
    {3, 3, {'m', 0xe4, 'r'}}, /* m\xe4r */
    {9, 11, {'n', 'o', 'i', 'e', 'm', 'b', 'r', 'i', 'e'}}, /* noiembrie */
    {9, 11, {'n', 'o', 'v', 'i', 'e', 'm', 'b', 'r', 'e'}}, /* noviembre */
    {8, 11, {'n', 'o', 'v', 'e', 'm', 'b', 'e', 'r'}}, /* november */
    {8, 11, {'n', 'o', 'v', 'e', 'm', 'b', 'r', 'a'}}, /* novembra */
    {8, 11, {'n', 'o', 'v', 'e', 'm', 'b', 'r', 'e'}}, /* novembre */
    {8, 11, {'n', 'o', 'v', 'e', 'm', 'b', 'r', 'o'}}, /* novembro */
    {3, 11, {'n', 'o', 'v'}}, /* nov */
    {9, 10, {'o', 'c', 't', 'o', 'm', 'b', 'r', 'i', 'e'}}, /* octombrie */
    {7, 10, {'o', 'c', 't', 'o', 'b', 'e', 'r'}}, /* october */
    {7, 10, {'o', 'c', 't', 'o', 'b', 'r', 'e'}}, /* octobre */
    {7, 10, {'o', 'c', 't', 'u', 'b', 'r', 'e'}}, /* octubre */
    {7, 10, {'o', 'k', 't', 'o', 'b', 'e', 'r'}}, /* oktober */
    {7, 10, {'o', 'k', 't', 0xf3, 'b', 'r', 'a'}}, /* okt\xf3bra */
    {7, 10, {'o', 't', 't', 'o', 'b', 'r', 'e'}}, /* ottobre */
    {7, 10, {'o', 'u', 't', 'u', 'b', 'r', 'o'}}, /* outubro */
    {3, 10, {'o', 'c', 't'}}, /* oct */
    {3, 10, {'o', 'k', 't'}}, /* okt */
    {3, 10, {'o', 't', 't'}}, /* ott */
    {3, 10, {'o', 'u', 't'}}, /* out */
    {12, 10, {'p', 'a', 0x17a, 'd', 'z', 'i', 'e', 'r', 'n', 'i', 'k', 'a'}}, /* pa\u017adziernika */
    {11, 10, {'p', 'a', 0x17a, 'd', 'z', 'i', 'e', 'r', 'n', 'i', 'k'}}, /* pa\u017adziernik */
    {8, 12, {'p', 'r', 'o', 's', 'i', 'n', 'c', 'e'}}, /* prosince */
    {8, 12, {'p', 'r', 'o', 's', 'i', 'n', 'e', 'c'}}, /* prosinec */
    {10, 9, {'s', 'e', 'p', 't', 'e', 'm', 'b', 'r', 'i', 'e'}}, /* septembrie */
    {10, 9, {'s', 'e', 'p', 't', 'i', 'e', 'm', 'b', 'r', 'e'}}, /* septiembre */
    {9, 9, {'s', 'e', 'p', 't', 'e', 'm', 'b', 'e', 'r'}}, /* september */
    {9, 9, {'s', 'e', 'p', 't', 'e', 'm', 'b', 'r', 'a'}}, /* septembra */
    {9, 9, {'s', 'e', 'p', 't', 'e', 'm', 'b', 'r', 'e'}}, /* septembre */
    {9, 9, {'s', 'e', 't', 't', 'e', 'm', 'b', 'r', 'e'}}, /* settembre */
    {8, 9, {'s', 'e', 't', 'e', 'm', 'b', 'r', 'o'}}, /* setembro */
    {8, 8, {'s', 'i', 'e', 'r', 'p', 'i', 'e', 0x144}}, /* sierpie\u0144 */
    {8, 8, {'s', 'i', 'e', 'r', 'p', 'n', 'i', 'a'}}, /* sierpnia */
    {8, 1, {'s', 't', 'y', 'c', 'z', 'n', 'i', 'a'}}, /* stycznia */
    {7, 1, {'s', 't', 'y', 'c', 'z', 'e', 0x144}}, /* stycze\u0144 */
    {5, 8, {'s', 'r', 'p', 'e', 'n'}}, /* srpen */
    {5, 8, {'s', 'r', 'p', 'n', 'a'}}, /* srpna */
    {4, 9, {'s', 'e', 'p', 't'}}, /* sept */
    {3, 9, {'s', 'e', 'p'}}, /* sep */
    {3, 9, {'s', 'e', 't'}}, /* set */
    {8, 9, {'w', 'r', 'z', 'e', 's', 'i', 'e', 0x144}}, /* wrzesie\u0144 */
    {8, 9, {'w', 'r', 'z', 'e', 0x15b, 'n', 'i', 'a'}}, /* wrze\u015bnia */
    {4, 9, {'z', 0xe1, 0x159, 0xed}}, /* z\xe1\u0159\xed */
    {5, 2, {0xfa, 'n', 'o', 'r', 'a'}}, /* \xfanora */
    {4, 2, {0xfa, 'n', 'o', 'r'}}, /* \xfanor */
    {8, 7, {0x10d, 'e', 'r', 'v', 'e', 'n', 'c', 'e'}}, /* \u010dervence */
    {8, 7, {0x10d, 'e', 'r', 'v', 'e', 'n', 'e', 'c'}}, /* \u010dervenec */
    {6, 6, {0x10d, 'e', 'r', 'v', 'e', 'n'}}, /* \u010derven */
    {6, 6, {0x10d, 'e', 'r', 'v', 'n', 'a'}}, /* \u010dervna */
    {5, 10, {0x159, 0xed, 'j', 'e', 'n'}}, /* \u0159\xedjen */
    {5, 10, {0x159, 0xed, 'j', 'n', 'a'}}, /* \u0159\xedjna */
    {7, 8, {0x430, 0x432, 0x433, 0x443, 0x441, 0x442, 0x430}}, /* \u0430\u0432\u0433\u0443\u0441\u0442\u0430 */
    {6, 4, {0x430, 0x43f, 0x440, 0x435, 0x43b, 0x44f}}, /* \u0430\u043f\u0440\u0435\u043b\u044f */
    {7, 3, {0x431, 0x435, 0x440, 0x435, 0x437, 0x43d, 0x44f}}, /* \u0431\u0435\u0440\u0435\u0437\u043d\u044f */
    {7, 9, {0x432, 0x435, 0x440, 0x435, 0x441, 0x43d, 0x44f}}, /* \u0432\u0435\u0440\u0435\u0441\u043d\u044f */
    {6, 12, {0x433, 0x440, 0x443, 0x434, 0x43d, 0x44f}}, /* \u0433\u0440\u0443\u0434\u043d\u044f */
    {7, 12, {0x434, 0x435, 0x43a, 0x430, 0x431, 0x440, 0x44f}}, /* \u0434\u0435\u043a\u0430\u0431\u0440\u044f */
    {6, 10, {0x436, 0x43e, 0x432, 0x442, 0x43d, 0x44f}}, /* \u0436\u043e\u0432\u0442\u043d\u044f */
    {4, 7, {0x438, 0x44e, 0x43b, 0x44f}}, /* \u0438\u044e\u043b\u044f */
    {4, 6, {0x438, 0x44e, 0x43d, 0x44f}}, /* \u0438\u044e\u043d\u044f */
    {6, 4, {0x43a, 0x432, 0x456, 0x442, 0x43d, 0x44f}}, /* \u043a\u0432\u0456\u0442\u043d\u044f */
    {9, 11, {0x43b, 0x438, 0x441, 0x442, 0x43e, 0x43f, 0x430, 0x434, 0x430}}, /* \u043b\u0438\u0441\u0442\u043e\u043f\u0430\u0434\u0430 */
    {6, 2, {0x43b, 0x44e, 0x442, 0x43e, 0x433, 0x43e}}, /* \u043b\u044e\u0442\u043e\u0433\u043e */
    {5, 7, {0x43b, 0x438, 0x43f, 0x43d, 0x44f}}, /* \u043b\u0438\u043f\u043d\u044f */
    {5, 3, {0x43c, 0x430, 0x440, 0x442, 0x430}}, /* \u043c\u0430\u0440\u0442\u0430 */
    {3, 5, {0x43c, 0x430, 0x44f}}, /* \u043c\u0430\u044f */
    {6, 11, {0x43d, 0x43e, 0x44f, 0x431, 0x440, 0x44f}}, /* \u043d\u043e\u044f\u0431\u0440\u044f */
    {7, 10, {0x43e, 0x43a, 0x442, 0x44f, 0x431, 0x440, 0x44f}}, /* \u043e\u043a\u0442\u044f\u0431\u0440\u044f */
    {8, 9, {0x441, 0x435, 0x43d, 0x442, 0x44f, 0x431, 0x440, 0x44f}}, /* \u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f */
    {6, 8, {0x441, 0x435, 0x440, 0x43f, 0x43d, 0x44f}}, /* \u0441\u0435\u0440\u043f\u043d\u044f */
    {5, 1, {0x441, 0x456, 0x447, 0x43d, 0x44f}}, /* \u0441\u0456\u0447\u043d\u044f */
    {6, 5, {0x442, 0x440, 0x430, 0x432, 0x43d, 0x44f}}, /* \u0442\u0440\u0430\u0432\u043d\u044f */
    {7, 2, {0x444, 0x435, 0x432, 0x440, 0x430, 0x43b, 0x44f}}, /* \u0444\u0435\u0432\u0440\u0430\u043b\u044f */
    {6, 6, {0x447, 0x435, 0x440, 0x432, 0x43d, 0x44f}}, /* \u0447\u0435\u0440\u0432\u043d\u044f */
    {6, 1, {0x44f, 0x43d, 0x432, 0x430, 0x440, 0x44f}}, /* \u044f\u043d\u0432\u0430\u0440\u044f */
};
/* the names of each first letter: MONTH_NAMES[begin:end] */
static const struct {
    Py_UCS4 first;
    int begin, end;
} MONTH_GROUPS[] = {
    {'a', 0, 17},
    {'b', 17, 19},
    {'c', 19, 21},
    {'d', 21, 36},
    {'e', 36, 38},
    {'f', 38, 52},
    {'g', 52, 58},
    {'i', 58, 61},
    {'j', 61, 86},
    {'k', 86, 90},
    {'l', 90, 101},
    {'m', 101, 125},
    {'n', 125, 132},
    {'o', 132, 144},
    {'p', 144, 148},
    {'s', 148, 164},
    {'w', 164, 166},
    {'z', 166, 167},
    {0xfa, 167, 169},
    {0x10d, 169, 173},
    {0x159, 173, 175},
    {0x430, 175, 177},
    {0x431, 177, 178},
    {0x432, 178, 179},
    {0x433, 179, 180},
    {0x434, 180, 181},
    {0x436, 181, 182},
    {0x438, 182, 184},
    {0x43a, 184, 185},
    {0x43b, 185, 188},
    {0x43c, 188, 190},
    {0x43d, 190, 191},
    {0x43e, 191, 192},
    {0x441, 192, 195},
    {0x442, 195, 196},
    {0x444, 196, 197},
    {0x447, 197, 198},
    {0x44f, 198, 199},
};
#define N_MONTHS ((Py_ssize_t)(sizeof MONTH_NAMES / sizeof MONTH_NAMES[0]))
#define N_GROUPS ((int)(sizeof MONTH_GROUPS / sizeof MONTH_GROUPS[0]))

/* the month names matching at p (dates._MONTH's tree: re tries the longest first), each with
 * its end and month number, 0 when the matched text's str.lower() is no name of MONTHS (re
 * matched it by an extra case, "auguſt": _iso's KeyError); returns how many */
static int months_at(const Text *t, Py_ssize_t p, Py_ssize_t *ends, int *numbers) {
    Py_UCS4 first = lower(at(t, p));
    int found = 0, group;
    switch (first) { /* an extra case of a letter that starts a name: that letter's names */
    case 0x131: first = 'i'; break;
    case 0x17f: first = 's'; break;
    case 0x1c80: first = 0x432; break;
    case 0x1c81: first = 0x434; break;
    case 0x1c82: first = 0x43e; break;
    case 0x1c83: first = 0x441; break;
    case 0x1c84: case 0x1c85: first = 0x442; break;
    case 0x1c86: first = 0x44a; break;
    case 0x1c87: first = 0x463; break;
    default: break;
    }
    for (group = 0; group < N_GROUPS && MONTH_GROUPS[group].first != first; group++)
        ;
    if (group == N_GROUPS)
        return 0;
    for (int k = MONTH_GROUPS[group].begin; k < MONTH_GROUPS[group].end; k++) {
        const MonthName *name = &MONTH_NAMES[k];
        int same = 1; /* str.lower() of the match is the name (U+0130's lower case is 2 characters) */
        int j;
        for (j = 0; j < name->len; j++) {
            Py_UCS4 c = at(t, p + j);
            if (!ci(c, name->c[j]))
                break;
            if (c == 0x130 || lower(c) != name->c[j])
                same = 0;
        }
        if (j == name->len) {
            ends[found] = p + name->len;
            numbers[found] = same ? name->month : 0;
            if (++found == 16)
                break;
        }
    }
    return found;
}

/* (?:st|nd|rd|th|er|\.) at q under IGNORECASE: its length, 0 for none */
static inline int day_suffix(const Text *t, Py_ssize_t q) {
    Py_UCS4 a = at(t, q), b = at(t, q + 1);
    if ((ci(a, 's') && ci(b, 't')) || (ci(a, 'n') && ci(b, 'd')) || (ci(a, 'r') && ci(b, 'd'))
        || (ci(a, 't') && ci(b, 'h')) || (ci(a, 'e') && ci(b, 'r')))
        return 2;
    return a == '.';
}

/* _DAY at p, (?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?, in re's order: two digits with the
 * suffix, without it, then one digit with, without; returns how many (ends and values) */
static int days_at(const Text *t, Py_ssize_t p, Py_ssize_t *ends, int *values) {
    int n = 0, s;
    Py_UCS4 c0 = at(t, p);
    if (in_range(c0, '0', '3') && is_dec(at(t, p + 1))) {
        if ((s = day_suffix(t, p + 2)) != 0) {
            ends[n] = p + 2 + s;
            values[n++] = num2(t, p);
        }
        ends[n] = p + 2;
        values[n++] = num2(t, p);
    }
    if (is_dec(c0)) {
        if ((s = day_suffix(t, p + 1)) != 0) {
            ends[n] = p + 1 + s;
            values[n++] = dec(c0);
        }
        ends[n] = p + 1;
        values[n++] = dec(c0);
    }
    return n;
}

enum { K_MON, K_AB, K_MD };

typedef struct {
    Py_ssize_t start, end;
    int kind;
    int year, yy;           /* year 0: none (yy); yy -1: none */
    int mon;                /* K_MON: the month's number, 0: not a name of MONTHS */
    int month, day, a, b;   /* K_MD: month, day; K_MON: day; K_AB: a, b */
    Py_UCS4 sep;            /* K_AB */
    int hour, minute, second; /* hour -1: no time; second -1: none */
    Py_UCS4 ampm;           /* 0, 'a' or 'p' */
} Match;

static inline void no_time(Match *m) {
    m->hour = m->minute = m->second = -1;
    m->ampm = 0;
}

/* (?:\s*(?P<ampm>[ap])\.?\s?m\.?)? at q: its end (q without it) */
static Py_ssize_t ampm_at(const Text *t, Py_ssize_t q, Match *m) {
    Py_ssize_t u = skip_spaces(t, q), v;
    Py_UCS4 l = lower(at(t, u));
    if (l != 'a' && l != 'p')
        return q;
    v = u + 1;
    if (at(t, v) == '.')
        v++;
    if (is_space(at(t, v)) && ci(at(t, v + 1), 'm'))
        v++;
    else if (!ci(at(t, v), 'm'))
        return q;
    v++;
    if (at(t, v) == '.')
        v++;
    m->ampm = l;
    return v;
}

/* [0-2]?\d at p when a separator (no digit) follows it: its end, -1 for none */
static inline Py_ssize_t hour_at(const Text *t, Py_ssize_t p, int *hour) {
    Py_UCS4 c0 = at(t, p);
    if (in_range(c0, '0', '2') && is_dec(at(t, p + 1))) {
        *hour = num2(t, p);
        return p + 2;
    }
    if (is_dec(c0)) {
        *hour = dec(c0);
        return p + 1;
    }
    return -1;
}
static inline int minute_at(const Text *t, Py_ssize_t p) { /* [0-5]\d */
    return in_range(at(t, p), '0', '5') && is_dec(at(t, p + 1));
}

/* _TIME's clock at p: (?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?
 * (?:\s*(?P<ampm>[ap])\.?\s?m\.?)?; its end, -1 for none */
static Py_ssize_t clock_at(const Text *t, Py_ssize_t p, Match *m) {
    int hour;
    Py_ssize_t q = hour_at(t, p, &hour);
    Py_UCS4 s;
    if (q < 0)
        return -1;
    s = at(t, q);
    if (!(s == ':' || s == '.' || ci(s, 'h')) || !minute_at(t, q + 1))
        return -1;
    m->hour = hour;
    m->minute = num2(t, q + 1);
    q += 3;
    if (at(t, q) == ':' && minute_at(t, q + 1)) {
        m->second = num2(t, q + 1);
        q += 3;
    }
    return ampm_at(t, q, m);
}

/* _TIME after a year ending at z: the match's end (z when no time follows) */
static Py_ssize_t time_at(const Text *t, Py_ssize_t z, Match *m) {
    Py_ssize_t p = skip_spaces(t, z), ends[16], e;
    int n = 0;
    Py_UCS4 c = at(t, p);
    /* ,|at|um|à|a las|om|alle|às|kl\.?|в|г\.,?|-|–|—|\| then none, in that order (kl\.? and
     * г\.,? take their dot and comma when there: the hour cannot start at one) */
    if (c == ',')
        ends[n++] = p + 1;
    if (ci_word(t, p, "at"))
        ends[n++] = p + 2;
    if (ci_word(t, p, "um"))
        ends[n++] = p + 2;
    if (ci(c, 0xe0))
        ends[n++] = p + 1;
    if (ci_word(t, p, "a las"))
        ends[n++] = p + 5;
    if (ci_word(t, p, "om"))
        ends[n++] = p + 2;
    if (ci_word(t, p, "alle"))
        ends[n++] = p + 4;
    if (ci(c, 0xe0) && ci(at(t, p + 1), 's'))
        ends[n++] = p + 2;
    if (ci_word(t, p, "kl"))
        ends[n++] = p + 2 + (at(t, p + 2) == '.');
    if (ci(c, 0x432))
        ends[n++] = p + 1;
    if (ci(c, 0x433) && at(t, p + 1) == '.')
        ends[n++] = p + 2 + (at(t, p + 2) == ',');
    if (c == '-' || c == 0x2013 || c == 0x2014 || c == '|')
        ends[n++] = p + 1;
    ends[n++] = p;
    for (int k = 0; k < n; k++) {
        Match try = *m;
        e = clock_at(t, skip_spaces(t, ends[k]), &try);
        if (e >= 0) {
            *m = try;
            return e;
        }
    }
    return z;
}

/* MONTH \s+ DAY ,?\s+ YEAR at p (patterns 0 and 4): the year's start, -1 for none */
static Py_ssize_t month_day_year(const Text *t, Py_ssize_t p, Match *m) {
    Py_ssize_t me[16], de[4];
    int mn[16], dv[4];
    int nm = months_at(t, p, me, mn);
    for (int i = 0; i < nm; i++)
        for (int dot = 1; dot >= 0; dot--) {
            Py_ssize_t q = me[i], r;
            int nd;
            if (dot && at(t, q) != '.')
                continue;
            q += dot;
            r = skip_spaces(t, q);
            if (r == q)
                continue;
            nd = days_at(t, r, de, dv);
            for (int j = 0; j < nd; j++) {
                Py_ssize_t x = de[j] + (at(t, de[j]) == ','), y = skip_spaces(t, x);
                if (y > x && is_year(t, y)) {
                    m->kind = K_MON;
                    m->mon = mn[i];
                    m->day = dv[j];
                    m->year = num4(t, y);
                    return y;
                }
            }
        }
    return -1;
}

/* DAY \s* (?:de\s+)? MONTH ,?\s+ (?:de\s+)? YEAR at p (patterns 1 and 5; `de`: whether the
 * two "de" are there): the year's start, -1 for none */
static Py_ssize_t day_month_year(const Text *t, Py_ssize_t p, Match *m, int de_words) {
    Py_ssize_t me[16], de[4];
    int mn[16], dv[4];
    int nd = days_at(t, p, de, dv);
    for (int j = 0; j < nd; j++) {
        Py_ssize_t q = skip_spaces(t, de[j]);
        for (int with_de = de_words; with_de >= 0; with_de--) {
            Py_ssize_t r = q;
            int nm;
            if (with_de) {
                if (!(ci(at(t, q), 'd') && ci(at(t, q + 1), 'e') && is_space(at(t, q + 2))))
                    continue;
                r = skip_spaces(t, q + 2);
            }
            nm = months_at(t, r, me, mn);
            for (int i = 0; i < nm; i++)
                for (int dot = 1; dot >= 0; dot--) {
                    Py_ssize_t x = me[i], y, z = -1;
                    if (dot && at(t, x) != '.')
                        continue;
                    x += dot;
                    x += at(t, x) == ',';
                    y = skip_spaces(t, x);
                    if (y == x)
                        continue;
                    if (de_words && ci(at(t, y), 'd') && ci(at(t, y + 1), 'e') && is_space(at(t, y + 2))) {
                        Py_ssize_t y2 = skip_spaces(t, y + 2);
                        if (is_year(t, y2))
                            z = y2;
                    }
                    if (z < 0 && is_year(t, y))
                        z = y;
                    if (z < 0)
                        continue;
                    m->kind = K_MON;
                    m->mon = mn[i];
                    m->day = dv[j];
                    m->year = num4(t, z);
                    return z;
                }
        }
    }
    return -1;
}

/* patterns 0 and 1, a time first: _TIME_FIRST then the month's name and the day (0) or the
 * day and the month's name (1) and the year */
static int time_first(const Text *t, Py_ssize_t s, Match *m, int day_first) {
    Py_UCS4 b = at(t, s - 1);
    int hour;
    Py_ssize_t q;
    if (is_dec(b) || b == ':' || b == '.')
        return 0;
    q = hour_at(t, s, &hour);
    if (q < 0 || at(t, q) != ':' || !minute_at(t, q + 1))
        return 0;
    q += 3;
    for (int with_ampm = 1; with_ampm >= 0; with_ampm--) {
        Match try = *m;
        Py_ssize_t x = q, y, w, r0;
        int letters = 0;
        try.ampm = 0;
        if (with_ampm) {
            x = ampm_at(t, q, &try);
            if (x == q)
                continue;
        }
        /* (?:\s+[A-Z]{2,4})?\s*, */
        y = skip_spaces(t, x);
        while (letters < 5 && ci_latin(at(t, y + letters)))
            letters++;
        w = (y > x && letters >= 2 && letters <= 4) ? skip_spaces(t, y + letters) : y;
        if (at(t, w) != ',')
            continue;
        r0 = skip_spaces(t, w + 1);
        for (int weekday = 1; weekday >= 0; weekday--) {
            Py_ssize_t r = r0, v, year;
            if (weekday) { /* (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+) */
                static const char *const DAYS[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
                int k;
                for (k = 0; k < 7 && !ci_word(t, r0, DAYS[k]); k++)
                    ;
                if (k == 7)
                    continue;
                v = r0 + 3;
                while (ci_latin(at(t, v)))
                    v++;
                v += at(t, v) == '.';
                v += at(t, v) == ',';
                r = skip_spaces(t, v);
                if (r == v)
                    continue;
            }
            year = day_first ? day_month_year(t, r, &try, 0) : month_day_year(t, r, &try);
            if (year >= 0) {
                *m = try;
                m->hour = hour;
                m->minute = num2(t, q - 2);
                m->end = year + 4;
                return 1;
            }
        }
    }
    return 0;
}

static int p_time_month(const Text *t, Py_ssize_t s, Match *m) { return time_first(t, s, m, 0); }
static int p_time_day(const Text *t, Py_ssize_t s, Match *m) { return time_first(t, s, m, 1); }

/* 2023-09-13, 2023-09-13T08:32:00 */
static int p_iso(const Text *t, Py_ssize_t s, Match *m) {
    Py_ssize_t p = s + 4, v;
    Py_UCS4 c;
    if (!is_year(t, s) || is_dec(at(t, s - 1)))
        return 0;
    for (int part = 0; part < 2; part++) { /* [-/.](?P<month>[01]?\d) then [-/.](?P<day>[0-3]?\d) */
        int value;
        c = at(t, p);
        if (c != '-' && c != '/' && c != '.')
            return 0;
        p++;
        if (in_range(at(t, p), '0', part ? '3' : '1') && is_dec(at(t, p + 1))) {
            value = num2(t, p);
            p += 2;
        } else if (is_dec(at(t, p))) {
            value = dec(at(t, p));
            p += 1;
        } else
            return 0;
        if (part)
            m->day = value;
        else
            m->month = value;
    }
    if (is_dec(at(t, p)))
        return 0;
    m->kind = K_MD;
    m->year = num4(t, s);
    v = p;
    while (at(t, v) == 'T' || is_space(at(t, v)))
        v++;
    if (v > p && in_range(at(t, v), '0', '2') && is_dec(at(t, v + 1)) && at(t, v + 2) == ':'
        && minute_at(t, v + 3)) {
        m->hour = num2(t, v);
        m->minute = num2(t, v + 3);
        p = v + 5;
        if (at(t, p) == ':' && minute_at(t, p + 1)) {
            m->second = num2(t, p + 1);
            p += 3;
        }
    }
    m->end = p;
    return 1;
}

/* 2023年9月13日 08:32 */
static int p_nian(const Text *t, Py_ssize_t s, Match *m) {
    static const Py_UCS4 MARKS[3] = {0x5e74, 0x6708, 0x65e5}; /* 年 月 日 */
    Py_ssize_t p;
    int hour;
    if (!is_year(t, s))
        return 0;
    p = s + 4;
    for (int part = 0; part < 3; part++) {
        p = skip_spaces(t, p);
        if (at(t, p) != MARKS[part])
            return 0;
        p++;
        if (part == 2)
            break;
        p = skip_spaces(t, p);
        {
            int value;
            if (in_range(at(t, p), '0', part ? '3' : '1') && is_dec(at(t, p + 1))) {
                value = num2(t, p);
                p += 2;
            } else if (is_dec(at(t, p))) {
                value = dec(at(t, p));
                p += 1;
            } else
                return 0;
            if (part)
                m->day = value;
            else
                m->month = value;
        }
    }
    m->kind = K_MD;
    m->year = num4(t, s);
    {
        Py_ssize_t v = skip_spaces(t, p), q = hour_at(t, v, &hour);
        if (q >= 0 && at(t, q) == ':' && minute_at(t, q + 1)) {
            m->hour = hour;
            m->minute = num2(t, q + 1);
            p = q + 3;
        }
    }
    m->end = p;
    return 1;
}

/* September 13, 2023 8:32 AM */
static int p_month_first(const Text *t, Py_ssize_t s, Match *m) {
    Py_ssize_t y;
    if (is_word(at(t, s - 1)))
        return 0;
    y = month_day_year(t, s, m);
    if (y < 0)
        return 0;
    m->end = time_at(t, y + 4, m);
    return 1;
}

/* 13 September 2023 ; 13 de septiembre de 2023 */
static int p_day_first(const Text *t, Py_ssize_t s, Match *m) {
    Py_ssize_t y;
    if (!is_dec(at(t, s)) || is_word(at(t, s - 1)))
        return 0;
    y = day_month_year(t, s, m, 1);
    if (y < 0)
        return 0;
    m->end = time_at(t, y + 4, m);
    return 1;
}

/* [01]?\d or [0-3]?\d (`top`) at p followed by `sep`: its end, -1 for none */
static inline Py_ssize_t number_then(const Text *t, Py_ssize_t p, char top, int *value) {
    if (in_range(at(t, p), '0', top) && is_dec(at(t, p + 1))) {
        *value = num2(t, p);
        return p + 2;
    }
    if (is_dec(at(t, p))) {
        *value = dec(at(t, p));
        return p + 1;
    }
    return -1;
}

/* 11/19/19 06:56 AM (the time required) */
static int p_mdyy(const Text *t, Py_ssize_t s, Match *m) {
    Py_UCS4 c = at(t, s - 1);
    Py_ssize_t p, y;
    int hour;
    if (is_dec(c) || c == '/' || c == '.')
        return 0;
    if ((p = number_then(t, s, '1', &m->a)) < 0 || at(t, p) != '/')
        return 0;
    if ((p = number_then(t, p + 1, '3', &m->b)) < 0 || at(t, p) != '/')
        return 0;
    p++;
    if (!is_dec(at(t, p)) || !is_dec(at(t, p + 1)))
        return 0;
    m->yy = num2(t, p);
    p += 2;
    c = at(t, p);
    if (is_dec(c) || c == '/')
        return 0;
    p += c == ',';
    y = skip_spaces(t, p);
    if (ci_word(t, y, "at") && is_space(at(t, y + 2)))
        y = skip_spaces(t, y + 2);
    p = hour_at(t, y, &hour);
    if (p < 0 || at(t, p) != ':' || !minute_at(t, p + 1))
        return 0;
    m->kind = K_AB;
    m->sep = '/';
    m->year = 0;
    m->hour = hour;
    m->minute = num2(t, p + 1);
    m->end = ampm_at(t, p + 3, m);
    return 1;
}

/* the clock of pattern 7: [0-2]?\d(?::|h(?=[0-5]\d))[0-5]\d at p; its end, -1 for none */
static Py_ssize_t clock7_at(const Text *t, Py_ssize_t p, Match *m) {
    int hour;
    Py_ssize_t q = hour_at(t, p, &hour);
    Py_UCS4 s;
    if (q < 0)
        return -1;
    s = at(t, q);
    if (!(s == ':' || ci(s, 'h')) || !minute_at(t, q + 1))
        return -1;
    m->hour = hour;
    m->minute = num2(t, q + 1);
    return q + 3;
}

/* 13.09.2023 ; 09/13/2023 ; 27. 11. 2026 ; 27.11.2026 - 11:24 */
static int p_numeric(const Text *t, Py_ssize_t s, Match *m) {
    Py_UCS4 c = at(t, s - 1), sep;
    Py_ssize_t p, x, y, ends[12], e;
    int n = 0;
    if (is_dec(c) || c == '.' || c == '-')
        return 0;
    if ((p = number_then(t, s, '3', &m->a)) < 0)
        return 0;
    sep = at(t, p);
    if (sep != '.' && sep != '/' && sep != '-')
        return 0;
    p++;
    p += at(t, p) == ' ';
    if ((p = number_then(t, p, '1', &m->b)) < 0 || at(t, p) != sep)
        return 0;
    p++;
    p += at(t, p) == ' ';
    if (!is_year(t, p) || is_dec(at(t, p + 4)))
        return 0;
    m->kind = K_AB;
    m->sep = sep;
    m->year = num4(t, p);
    m->end = p + 4;
    /* (?:,?\s*(?:[-–—|]\s*)?(?:(?:at|um|à|a las|alle|om|o|godz\.?)\s*)?(?P<hour>...)...)? */
    x = p + 4;
    x += at(t, x) == ',';
    y = skip_spaces(t, x);
    c = at(t, y);
    if (c == '-' || c == 0x2013 || c == 0x2014 || c == '|')
        y = skip_spaces(t, y + 1);
    c = at(t, y);
    if (ci_word(t, y, "at"))
        ends[n++] = y + 2;
    if (ci_word(t, y, "um"))
        ends[n++] = y + 2;
    if (ci(c, 0xe0))
        ends[n++] = y + 1;
    if (ci_word(t, y, "a las"))
        ends[n++] = y + 5;
    if (ci_word(t, y, "alle"))
        ends[n++] = y + 4;
    if (ci_word(t, y, "om"))
        ends[n++] = y + 2;
    if (ci(c, 'o'))
        ends[n++] = y + 1;
    if (ci_word(t, y, "godz"))
        ends[n++] = y + 4 + (at(t, y + 4) == '.');
    ends[n++] = y;
    for (int k = 0; k < n; k++) {
        Match try = *m;
        e = clock7_at(t, skip_spaces(t, ends[k]), &try);
        if (e >= 0) {
            *m = try;
            m->end = e;
            break;
        }
    }
    return 1;
}

typedef int (*Pattern)(const Text *, Py_ssize_t, Match *);
static const Pattern PATTERNS[8] = {p_time_month, p_time_day, p_iso, p_nian,
                                    p_month_first, p_day_first, p_mdyy, p_numeric};
/* dates.NEEDS */
enum { SEPARATOR = 2, NIAN = 4, SLASH = 8, DAY_YEAR = 16, DAY_MONTH_YEAR = 32 };
static const int NEEDS[8] = {DAY_YEAR << 2, DAY_MONTH_YEAR << 2, SEPARATOR, NIAN,
                             DAY_YEAR, DAY_MONTH_YEAR, SLASH, SEPARATOR};

static inline void put2(char *out, int v) {
    out[0] = (char)('0' + v / 10);
    out[1] = (char)('0' + v % 10);
}

/* YYYY-MM-DD, then THH:MM:SS when hour >= 0 */
static int iso_text(char *out, int year, int month, int day, int hour, int minute, int second) {
    put2(out, year / 100);
    put2(out + 2, year % 100);
    out[4] = '-';
    put2(out + 5, month);
    out[7] = '-';
    put2(out + 8, day);
    if (hour < 0)
        return 10;
    out[10] = 'T';
    put2(out + 11, hour);
    out[13] = ':';
    put2(out + 14, minute);
    out[16] = ':';
    put2(out + 17, second);
    return 19;
}

static int days_in(int year, int month) {
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
        return 29;
    return DAYS[month - 1];
}

/* dates._iso: the ISO text into out, its length; 0 for None */
static int iso_of(const Match *m, char *out) {
    int year = m->year ? m->year : 2000 + (m->yy > 0 ? m->yy : 0), month, day, hour, second;
    if (m->kind == K_MON) {
        if (!m->mon)
            return 0;
        month = m->mon;
        day = m->day;
    } else if (m->kind == K_AB) {
        int a = m->a, b = m->b;
        if (m->sep == '.' || m->sep == '-' || a > 12) {
            day = a;
            month = b;
        } else {
            day = b;
            month = a;
        }
        if (m->yy >= 0) {
            month = a <= 12 ? a : b;
            day = a <= 12 ? b : a;
        }
        if (month > 12 && day <= 12) {
            int swap = day;
            day = month;
            month = swap;
        }
    } else {
        month = m->month;
        day = m->day;
    }
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > days_in(year, month))
        return 0;
    if (m->hour < 0)
        return iso_text(out, year, month, day, -1, 0, 0);
    hour = m->hour;
    second = m->second < 0 ? 0 : m->second;
    if (m->ampm == 'p' && hour < 12)
        hour += 12;
    else if (m->ampm == 'a' && hour == 12)
        hour = 0;
    return iso_text(out, year, month, day, hour > 23 ? -1 : hour, m->minute, second);
}

typedef struct {
    Py_ssize_t start, end;
    int len;
    char iso[20];
} Found;

typedef struct {
    Py_ssize_t lo, hi;
    int bits;
} Window;

/* grow *v (of `size`-byte items, *cap of them) to hold n + 1; 0 on success */
static int reserve(void **v, Py_ssize_t *cap, Py_ssize_t n, size_t size) {
    void *grown;
    Py_ssize_t want;
    if (n < *cap)
        return 0;
    want = *cap ? *cap * 2 : 16;
    if ((size_t)want > PY_SSIZE_T_MAX / size) {
        PyErr_NoMemory();
        return -1;
    }
    grown = PyMem_Realloc(*v, (size_t)want * size);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *v = grown;
    *cap = want;
    return 0;
}

static const char DAY_ENDS[] = "tdhrTDHR.";

/* MAYBE_DATE's anchors and _find_dates' windows (lo, hi, its _DAY_YEAR... bits) */
static Py_ssize_t windows_of(const Text *t, Window **windows) {
    Py_ssize_t len = t->n, i = 0, n = 0, cap = 0, scanned = 0, last_colon = -1;
    *windows = NULL;
    while (i < len) {
        /* on to the next place an anchor may be, in a loop of the text's own kind */
#define NEXT_ANCHOR(TYPE)                                                                          \
    {                                                                                              \
        const TYPE *b = (const TYPE *)t->data;                                                     \
        while (i + 1 < len && b[i + 1] != '9' && b[i + 1] != '0' && b[i + 1] != '/')              \
            i++;                                                                                   \
    }
        if (t->kind == PyUnicode_1BYTE_KIND)
            NEXT_ANCHOR(Py_UCS1)
        else if (t->kind == PyUnicode_2BYTE_KIND)
            NEXT_ANCHOR(Py_UCS2)
        else
            NEXT_ANCHOR(Py_UCS4)
#undef NEXT_ANCHOR
        if (i + 1 >= len)
            break; /* (at(t, len) is NUL: no anchor from here) */
        Py_UCS4 c1 = at(t, i + 1), c;
        Py_ssize_t end = -1, start, lo, hi;
        int bits = 0;
        if (c1 != '9' && c1 != '0' && c1 != '/') {
            i++;
            continue;
        }
        c = at(t, i);
        if (c == '1' && c1 == '9' && is_dec(at(t, i + 2)) && is_dec(at(t, i + 3)))
            end = i + 4;
        else if (c == '2' && c1 == '0' && is_dec(at(t, i + 2)) && is_dec(at(t, i + 3)))
            end = i + 4;
        else if (c1 == '/' && is_dec(c)) {
            if (in_range(at(t, i + 2), '0', '3') && is_dec(at(t, i + 3)) && at(t, i + 4) == '/'
                && is_dec(at(t, i + 5)) && is_dec(at(t, i + 6)))
                end = i + 7;
            else if (is_dec(at(t, i + 2)) && at(t, i + 3) == '/' && is_dec(at(t, i + 4))
                     && is_dec(at(t, i + 5)))
                end = i + 6;
        }
        if (end < 0) {
            i++;
            continue;
        }
        start = i;
        lo = start > 40 ? start - 40 : 0;
        hi = end + 40;
        if (end - start == 4 && start > lo && is_space(at(t, start - 1))) { /* a year after spaces */
            Py_ssize_t b = start - 1, joined;
            while (b > lo && is_space(at(t, b - 1)))
                b--;
            if (b > lo && at(t, b - 1) == ',')
                b--;
            if (b > lo) {
                Py_UCS4 last = at(t, b - 1);
                if (Py_UNICODE_ISDECIMAL(last))
                    bits = DAY_YEAR;
                else if (last < 128 && strchr(DAY_ENDS, (int)last) != NULL)
                    bits = DAY_YEAR | DAY_MONTH_YEAR;
                else if (Py_UNICODE_ISALPHA(last)) {
                    for (Py_ssize_t k = lo; k < b; k++)
                        if (is_dec(at(t, k))) {
                            bits = DAY_MONTH_YEAR;
                            break;
                        }
                }
            }
            joined = (n && lo <= (*windows)[n - 1].hi) ? (*windows)[n - 1].lo : lo;
            if (bits) {
                for (; scanned < start; scanned++)
                    if (at(t, scanned) == ':')
                        last_colon = scanned;
                if (last_colon >= joined)
                    bits |= bits << 2;
            }
        }
        if (n && lo <= (*windows)[n - 1].hi) {
            (*windows)[n - 1].hi = hi;
            (*windows)[n - 1].bits |= bits;
        } else {
            if (reserve((void **)windows, &cap, n, sizeof(Window)) < 0)
                return -1;
            (*windows)[n].lo = lo;
            (*windows)[n].hi = hi;
            (*windows)[n].bits = bits;
            n++;
        }
        i = end;
    }
    return n;
}

/* _window_has */
static int window_has(const Text *t, Py_ssize_t lo, Py_ssize_t hi) {
    int slash = 0, separator = 0, nian = 0;
    for (Py_ssize_t k = lo; k < hi; k++) {
        Py_UCS4 c = at(t, k);
        if (c == '/')
            slash = 1;
        else if (c == '-' || c == '.')
            separator = 1;
        else if (c == 0x5e74)
            nian = 1;
    }
    return (slash ? SLASH | SEPARATOR : separator ? SEPARATOR : 0) | (nian ? NIAN : 0);
}

/* every date of the text, in order: 0 on success (*found, *count), -1 with an exception */
static int scan(PyObject *text, Found **found, Py_ssize_t *count) {
    Text t;
    Window *windows = NULL;
    Found *v = NULL, *merged = NULL;
    Py_ssize_t nw, n = 0, cap = 0, merged_cap = 0;
    t.kind = PyUnicode_KIND(text);
    t.data = PyUnicode_DATA(text);
    t.n = PyUnicode_GET_LENGTH(text);
    nw = windows_of(&t, &windows);
    if (nw < 0)
        goto fail;
    for (Py_ssize_t w = 0; w < nw; w++) {
        Text tw = t;
        Py_ssize_t lo = windows[w].lo, w0 = n;
        int has;
        if (windows[w].hi < t.n)
            tw.n = windows[w].hi;
        has = window_has(&t, lo, tw.n) | windows[w].bits;
        for (int k = 0; k < 8; k++) {
            Py_ssize_t k0 = n, j = w0, s = lo;
            if ((NEEDS[k] & has) != NEEDS[k])
                continue;
            while (s < tw.n) {
                Match m;
                Py_UCS4 c0 = at(&tw, s);
                /* where the pattern cannot start, on at once (no Match made): every pattern
                 * but p_month_first needs a decimal first (hour_at, is_year, days_at,
                 * number_then); p_month_first no word character before it and a month's
                 * initial (months_at: a letter, or a character that is not ASCII) */
                if (k == 4 ? (is_word(at(&tw, s - 1)) || (c0 < 128 && !in_range(c0 | 0x20, 'a', 'z')))
                           : !is_dec(c0)) {
                    s++;
                    continue;
                }
                memset(&m, 0, sizeof m);
                m.start = s;
                m.yy = -1;
                no_time(&m);
                if (!PATTERNS[k](&tw, s, &m)) {
                    s++;
                    continue;
                }
                /* an earlier pattern's match overlapping it: theirs are disjoint, in order */
                while (j < k0 && v[j].end <= m.start)
                    j++;
                if (!(j < k0 && v[j].start < m.end)) {
                    char iso[20];
                    int len = iso_of(&m, iso);
                    if (len) {
                        if (reserve((void **)&v, &cap, n, sizeof(Found)) < 0)
                            goto fail;
                        v[n].start = m.start;
                        v[n].end = m.end;
                        v[n].len = len;
                        memcpy(v[n].iso, iso, 20);
                        n++;
                    }
                }
                s = m.end;
            }
            if (k0 > w0 && n > k0) { /* merge this pattern's matches into the window's, in order */
                Py_ssize_t a = w0, b = k0, o = 0, size = n - w0;
                while (merged_cap < size)
                    if (reserve((void **)&merged, &merged_cap, merged_cap, sizeof(Found)) < 0)
                        goto fail;
                while (a < k0 || b < n)
                    merged[o++] = (b >= n || (a < k0 && v[a].start < v[b].start)) ? v[a++] : v[b++];
                memcpy(v + w0, merged, (size_t)size * sizeof(Found));
            }
        }
    }
    PyMem_Free(windows);
    PyMem_Free(merged);
    *found = v;
    *count = n;
    return 0;
fail:
    PyMem_Free(windows);
    PyMem_Free(merged);
    PyMem_Free(v);
    return -1;
}

static PyObject *find_dates(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    Found *found = NULL;
    Py_ssize_t n = 0;
    PyObject *out, *cls, *fields = NULL, *no_args = NULL;
    (void)module;
    if ((nargs != 2 && nargs != 3) || !PyUnicode_Check(args[0])
        || (nargs == 3 && (!PyType_Check(args[1]) || ((PyTypeObject *)args[1])->tp_new == NULL
                           || !PyTuple_Check(args[2]) || PyTuple_GET_SIZE(args[2]) != 3))) {
        PyErr_SetString(PyExc_TypeError, "find_dates(text: str, cls: type[, fields: tuple])");
        return NULL;
    }
    cls = args[1];
    if (nargs == 3) { /* a frozen dataclass's three fields: made as its __init__ makes them */
        fields = args[2];
        for (int k = 0; k < 3; k++)
            if (!PyUnicode_Check(PyTuple_GET_ITEM(fields, k))) {
                PyErr_SetString(PyExc_TypeError, "find_dates: fields of str");
                return NULL;
            }
    }
    if (PyUnicode_READY(args[0]) < 0 || scan(args[0], &found, &n) < 0)
        return NULL;
    out = PyList_New(n);
    if (out == NULL || (fields != NULL && n > 0 && (no_args = PyTuple_New(0)) == NULL)) {
        Py_CLEAR(out);
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *parts[3], *item = NULL;
        parts[0] = PyUnicode_FromStringAndSize(found[k].iso, found[k].len);
        parts[1] = PyLong_FromSsize_t(found[k].start);
        parts[2] = PyLong_FromSsize_t(found[k].end);
        if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL && fields != NULL) {
            /* as the frozen dataclass's __init__: __new__, then object.__setattr__ of each */
            item = ((PyTypeObject *)cls)->tp_new((PyTypeObject *)cls, no_args, NULL);
            for (int f = 0; item != NULL && f < 3; f++)
                if (PyObject_GenericSetAttr(item, PyTuple_GET_ITEM(fields, f), parts[f]) < 0)
                    Py_CLEAR(item);
        } else if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL)
            item = PyObject_Vectorcall(cls, parts, 3, NULL);
        Py_XDECREF(parts[0]);
        Py_XDECREF(parts[1]);
        Py_XDECREF(parts[2]);
        if (item == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, k, item);
    }
done:
    Py_XDECREF(no_args);
    PyMem_Free(found);
    return out;
}

/* ---- printed_date's lines (article.date_lines_of) ---- */

/* An index from a Python int, clamped where it and each index within `pad` of it lie off any
 * page of `n` blocks: -pad - 2 below, n + pad + 1 above (no overflow in the +-d after). */
static int clamped_index(PyObject *o, Py_ssize_t n, Py_ssize_t pad, Py_ssize_t *out) {
    int overflow = 0;
    long long v;
    if (!PyLong_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "date_lines: a block index must be an int");
        return -1;
    }
    v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (v == -1 && overflow == 0 && PyErr_Occurred())
        return -1;
    if (overflow > 0 || v > (long long)n + pad)
        *out = n + pad + 1;
    else if (overflow < 0 || v < -(long long)pad - 1)
        *out = -pad - 2;
    else
        *out = (Py_ssize_t)v;
    return 0;
}

/* Whether _LineDates.found may find a date in `text`: "19", "20" or "/" in it (maybe_dated), or
 * a colon or a dot, with the first character past the spaces (str.isspace's) one of `firsts`
 * (the weekday stamp's, WEEKDAY_TIME's first class). -1 on an error. */
static int may_date(PyObject *text, PyObject *firsts) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), k;
    int stop = 0;
    k = 0;
    if (kind == PyUnicode_1BYTE_KIND) { /* the same tests by memchr and memmem (vectorised) */
        const char *s = (const char *)data;
        if (memchr(s, '/', (size_t)len) != NULL || memmem(s, (size_t)len, "19", 2) != NULL
            || memmem(s, (size_t)len, "20", 2) != NULL)
            return 1;
        stop = memchr(s, ':', (size_t)len) != NULL || memchr(s, '.', (size_t)len) != NULL;
        k = len; /* (the loop below: done) */
    }
    for (; k < len; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (c == '/')
            return 1;
        if ((c == '1' || c == '2') && k + 1 < len) {
            Py_UCS4 d = PyUnicode_READ(kind, data, k + 1);
            if ((c == '1' && d == '9') || (c == '2' && d == '0'))
                return 1;
        }
        if (c == ':' || c == '.')
            stop = 1;
    }
    if (!stop)
        return 0;
    for (k = 0; k < len; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (!Py_UNICODE_ISSPACE(c)) {
            Py_ssize_t at = PyUnicode_FindChar(firsts, c, 0, PyUnicode_GET_LENGTH(firsts), 1);
            return at == -2 ? -1 : at >= 0;
        }
    }
    return 0;
}

/* Take block `v` once (seen: a bit a block): into `lines` if at most max_chars long, and
 * into `maybe` too where may_date holds. */
static int take_line(PyObject *texts, Py_ssize_t v, unsigned char *seen, Py_ssize_t max_chars,
                     PyObject *firsts, PyObject *lines, PyObject *maybe) {
    PyObject *text, *index;
    int may, err;
    if (v < 0 || v >= PyList_GET_SIZE(texts) || (seen[v >> 3] & (1u << (v & 7))))
        return 0;
    seen[v >> 3] |= (unsigned char)(1u << (v & 7));
    text = PyList_GET_ITEM(texts, v);
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "date_lines: texts must be a list of str");
        return -1;
    }
    if (PyUnicode_READY(text) < 0)
        return -1;
    if (PyUnicode_GET_LENGTH(text) > max_chars)
        return 0;
    may = may_date(text, firsts);
    if (may < 0)
        return -1;
    index = PyLong_FromSsize_t(v);
    if (index == NULL)
        return -1;
    err = PyList_Append(lines, index);
    if (err == 0 && may)
        err = PyList_Append(maybe, index);
    Py_DECREF(index);
    return err;
}

/* date_lines(texts, byline, title_at, first, window, above, max_chars, firsts): article's
 * date_lines_of in one pass (its reference, _date_lines_of, says what it does). */
static PyObject *date_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *texts, *seq = NULL, *lines = NULL, *maybe = NULL, *firsts, *out = NULL;
    Py_ssize_t n, first, window, above, max_chars, nb, k, d, v;
    Py_ssize_t centers[1];
    unsigned char *seen = NULL;
    (void)module;
    if (nargs != 8 || !PyList_Check(args[0]) || !PyUnicode_Check(args[7]) ||
        (args[2] != Py_None && !PyLong_Check(args[2]))) {
        PyErr_SetString(PyExc_TypeError, "date_lines(texts: list[str], byline: Sequence[int], "
                                         "title_at: int | None, first: int, window: int, "
                                         "above: int, max_chars: int, firsts: str)");
        return NULL;
    }
    texts = args[0];
    firsts = args[7];
    if (PyUnicode_READY(firsts) < 0)
        return NULL;
    first = PyNumber_AsSsize_t(args[3], PyExc_OverflowError);
    if (first == -1 && PyErr_Occurred())
        return NULL;
    window = PyNumber_AsSsize_t(args[4], PyExc_OverflowError);
    if (window == -1 && PyErr_Occurred())
        return NULL;
    above = PyNumber_AsSsize_t(args[5], PyExc_OverflowError);
    if (above == -1 && PyErr_Occurred())
        return NULL;
    max_chars = PyNumber_AsSsize_t(args[6], PyExc_OverflowError);
    if (max_chars == -1 && PyErr_Occurred())
        return NULL;
    if (window < 0 || window > (1 << 20) || above < 0) {
        PyErr_SetString(PyExc_ValueError, "date_lines: window and above must be small and >= 0");
        return NULL;
    }
    seq = PySequence_Fast(args[1], "date_lines: byline must be a sequence");
    if (seq == NULL)
        return NULL;
    n = PyList_GET_SIZE(texts);
    seen = PyMem_Calloc((size_t)(n >> 3) + 1, 1);
    lines = PyList_New(0);
    maybe = PyList_New(0);
    if (seen == NULL || lines == NULL || maybe == NULL) {
        if (seen == NULL)
            PyErr_NoMemory();
        goto done;
    }
    nb = PySequence_Fast_GET_SIZE(seq);
    for (k = 0; k < nb; k++) { /* the byline's blocks */
        if (clamped_index(PySequence_Fast_GET_ITEM(seq, k), n, window, &v) < 0 ||
            take_line(texts, v, seen, max_chars, firsts, lines, maybe) < 0)
            goto done;
    }
    for (k = 0; k <= nb; k++) { /* those around each of them and the headline */
        PyObject *center = k < nb ? PySequence_Fast_GET_ITEM(seq, k) : args[2];
        if (center == Py_None)
            continue;
        if (clamped_index(center, n, window, &centers[0]) < 0)
            goto done;
        for (d = 1; d <= window; d++) {
            if (take_line(texts, centers[0] + d, seen, max_chars, firsts, lines, maybe) < 0 ||
                take_line(texts, centers[0] - d, seen, max_chars, firsts, lines, maybe) < 0)
                goto done;
        }
    }
    if (first > 0) { /* range(first - 1, max(-1, first - 1 - above), -1) */
        Py_ssize_t hi = first - 1, stop = hi - above > -1 ? hi - above : -1;
        for (v = hi < n - 1 ? hi : n - 1; v > stop; v--) {
            if (take_line(texts, v, seen, max_chars, firsts, lines, maybe) < 0)
                goto done;
        }
    }
    out = PyTuple_Pack(2, lines, maybe);
done:
    PyMem_Free(seen);
    Py_XDECREF(lines);
    Py_XDECREF(maybe);
    Py_DECREF(seq);
    return out;
}

/* ---- article.mostly_date ---- */

/* text[lo:hi]'s bounds as a Python slice takes them (a negative index from the end, clamped) */
static Py_ssize_t slice_index(Py_ssize_t x, Py_ssize_t len) {
    if (x < 0) {
        x += len;
        if (x < 0)
            x = 0;
    }
    return x > len ? len : x;
}

/* an index attribute of a date (`start`, `end`), clipped to Py_ssize_t as a slice clips it */
static int date_index(PyObject *date, const char *name, Py_ssize_t *out) {
    PyObject *v = PyObject_GetAttrString(date, name);
    if (v == NULL)
        return -1;
    if (!PyLong_Check(v)) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_TypeError, "mostly_date: a date's start and end must be ints");
        return -1;
    }
    *out = PyNumber_AsSsize_t(v, NULL);
    Py_DECREF(v);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* mostly_date(text, dates, words) -> bool: article._mostly_date's len(LETTERS.findall(" ".join(
 * the text's parts between its dates))) <= words. LETTERS, [^\W\d_]{2,}: a run of two or more
 * characters each re's \w (Py_UNICODE_ISALNUM, or '_') and no \d (Py_UNICODE_ISDECIMAL) nor
 * '_', so one match a maximal such run; the " " joining the parts is none (each part counts
 * apart). The count stops once over `words`. */
static PyObject *mostly_date(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    PyObject *text, *seq;
    Py_ssize_t words, len, nd, at = 0, count = 0;
    int kind;
    const void *data;
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "mostly_date(text: str, dates, words: int)");
        return NULL;
    }
    text = args[0];
    words = PyNumber_AsSsize_t(args[2], NULL);
    if (words == -1 && PyErr_Occurred())
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    seq = PySequence_Fast(args[1], "mostly_date: dates must be a sequence");
    if (seq == NULL)
        return NULL;
    kind = PyUnicode_KIND(text);
    data = PyUnicode_DATA(text);
    len = PyUnicode_GET_LENGTH(text);
    nd = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t k = 0; k <= nd && count <= words; k++) {
        Py_ssize_t lo = slice_index(at, len), hi = len, run = 0;
        if (k < nd) {
            PyObject *date = PySequence_Fast_GET_ITEM(seq, k);
            Py_ssize_t start, end;
            if (date_index(date, "start", &start) < 0 || date_index(date, "end", &end) < 0) {
                Py_DECREF(seq);
                return NULL;
            }
            hi = slice_index(start, len);
            at = end;
        }
        for (Py_ssize_t q = lo; q < hi; q++) { /* (hi <= lo: an empty part) */
            Py_UCS4 c = PyUnicode_READ(kind, data, q);
            if (Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c)) {
                if (++run == 2 && ++count > words)
                    break;
            } else {
                run = 0;
            }
        }
    }
    Py_DECREF(seq);
    return PyBool_FromLong(count <= words);
}

/* ---- dates.MONTH_DAY.match ---- */

/* month_day(text) -> bool: dates.MONTH_DAY.match(text) is not None, ^_MONTH\.?\s+_DAY$ under
 * IGNORECASE: a month's name at 0 (months_at: each name re's tree may take there, the longest
 * first; one not in MONTHS by str.lower() matches all the same), its dot or none (\.? then \s+:
 * without the dot, a dot is no space), spaces (all of them: \s+ backs off onto no digit), a day
 * (days_at, in re's order) and the end ($: the end, or a last "\n" before it). */
static PyObject *month_day(PyObject *module, PyObject *text) {
    Text t;
    Py_ssize_t ends[16], day_ends[4];
    int numbers[16], values[4], nm;
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "month_day(text: str)");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    t.kind = PyUnicode_KIND(text);
    t.data = PyUnicode_DATA(text);
    t.n = PyUnicode_GET_LENGTH(text);
    nm = months_at(&t, 0, ends, numbers);
    for (int k = 0; k < nm; k++) {
        Py_ssize_t q = ends[k], r;
        int nd;
        if (at(&t, q) == '.')
            q++;
        r = skip_spaces(&t, q);
        if (r == q)
            continue;
        nd = days_at(&t, r, day_ends, values);
        for (int d = 0; d < nd; d++) {
            Py_ssize_t e = day_ends[d];
            if (e == t.n || (e == t.n - 1 && at(&t, e) == '\n'))
                Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

/* ---- dates.YEARLESS ---- */

/* YEARLESS at p, (?<![\w])_MONTH\.?\s+_DAY,?\s+(?:at\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)
 * (?:\s*(?P<ampm>[ap])\.?\s?m\.?)? under IGNORECASE, in re's order of backtracking: each month's
 * name months_at takes (the longest first), its dot when one follows (without it, \s+ cannot
 * start on the dot), all the spaces (fewer leave a space where a digit or "at" must be), each
 * day days_at takes in re's order, its comma when one follows (the same), all the spaces, "at"
 * and all its spaces or not, then [0-2]?\d: (two digits then ":", else one digit then ":": where
 * two digits stand, the second is no ":") and [0-5]\d, then ampm_at. The match into m (K_MON, no
 * year), its end; -1 for none. */
static Py_ssize_t yearless_at(const Text *t, Py_ssize_t p, Match *m) {
    Py_ssize_t me[16], de[4];
    int mn[16], dv[4], nm;
    if (is_word(at(t, p - 1)))
        return -1;
    nm = months_at(t, p, me, mn);
    for (int i = 0; i < nm; i++) {
        Py_ssize_t q = me[i] + (at(t, me[i]) == '.'), r = skip_spaces(t, q);
        int nd;
        if (r == q)
            continue;
        nd = days_at(t, r, de, dv);
        for (int j = 0; j < nd; j++) {
            Py_ssize_t x = de[j] + (at(t, de[j]) == ','), y = skip_spaces(t, x);
            if (y == x)
                continue;
            for (int with_at = 1; with_at >= 0; with_at--) {
                Py_ssize_t z = y, h;
                int hour;
                if (with_at) {
                    if (!ci_word(t, y, "at"))
                        continue;
                    z = skip_spaces(t, y + 2);
                    if (z == y + 2)
                        continue;
                }
                h = hour_at(t, z, &hour);
                if (h < 0 || at(t, h) != ':' || !minute_at(t, h + 1))
                    continue;
                m->kind = K_MON;
                m->start = p;
                m->mon = mn[i];
                m->day = dv[j];
                m->year = 0;
                m->yy = -1;
                no_time(m);
                m->hour = hour;
                m->minute = num2(t, h + 1);
                m->end = ampm_at(t, h + 3, m);
                return m->end;
            }
        }
    }
    return -1;
}

/* YEARLESS.finditer(text): each match from s on, into m; its end, -1 when none is left. Where
 * the pattern cannot start, on at once: a month's initial is a letter or a character that is
 * not ASCII. */
static Py_ssize_t yearless_next(const Text *t, Py_ssize_t s, Match *m) {
    for (; s < t->n; s++) {
        Py_UCS4 c0 = at(t, s);
        if (c0 < 128 && !in_range(c0 | 0x20, 'a', 'z'))
            continue;
        if (yearless_at(t, s, m) >= 0)
            return m->end;
    }
    return -1;
}

static int text_of(PyObject *text, Text *t) {
    if (PyUnicode_READY(text) < 0)
        return -1;
    t->kind = PyUnicode_KIND(text);
    t->data = PyUnicode_DATA(text);
    t->n = PyUnicode_GET_LENGTH(text);
    return 0;
}

/* yearless(text) -> bool: dates.YEARLESS.search(text) is not None */
static PyObject *yearless(PyObject *module, PyObject *text) {
    Text t;
    Match m;
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "yearless(text: str)");
        return NULL;
    }
    if (text_of(text, &t) < 0)
        return NULL;
    if (yearless_next(&t, 0, &m) >= 0)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* find_yearless(text, year, cls, fields) -> list: dates.find_yearless(text, year) for an int year,
 * each date made as find_dates makes it (cls a frozen dataclass of the three fields) */
static PyObject *find_yearless(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    Text t;
    Match m;
    Py_ssize_t s = 0;
    long year;
    int overflow = 0;
    PyObject *out, *cls, *fields, *no_args = NULL;
    (void)module;
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyLong_CheckExact(args[1]) || !PyType_Check(args[2])
        || ((PyTypeObject *)args[2])->tp_new == NULL || !PyTuple_Check(args[3]) || PyTuple_GET_SIZE(args[3]) != 3) {
        PyErr_SetString(PyExc_TypeError, "find_yearless(text: str, year: int, cls: type, fields: tuple)");
        return NULL;
    }
    cls = args[2];
    fields = args[3];
    for (int k = 0; k < 3; k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(fields, k))) {
            PyErr_SetString(PyExc_TypeError, "find_yearless: fields of str");
            return NULL;
        }
    year = PyLong_AsLongAndOverflow(args[1], &overflow);
    if (year == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || year < -100000 || year > 100000)
        year = -1; /* out of range: every date None, as _iso's range test */
    if (text_of(args[0], &t) < 0)
        return NULL;
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while ((s = yearless_next(&t, s, &m)) >= 0) {
        char iso[20];
        int len;
        m.year = (int)year; /* 0: _iso's 2000 + yy, yy none */
        len = iso_of(&m, iso);
        if (len) {
            PyObject *parts[3], *item = NULL;
            if (no_args == NULL && (no_args = PyTuple_New(0)) == NULL)
                goto fail;
            parts[0] = PyUnicode_FromStringAndSize(iso, len);
            parts[1] = PyLong_FromSsize_t(m.start);
            parts[2] = PyLong_FromSsize_t(m.end);
            if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL) {
                item = ((PyTypeObject *)cls)->tp_new((PyTypeObject *)cls, no_args, NULL);
                for (int f = 0; item != NULL && f < 3; f++)
                    if (PyObject_GenericSetAttr(item, PyTuple_GET_ITEM(fields, f), parts[f]) < 0)
                        Py_CLEAR(item);
            }
            Py_XDECREF(parts[0]);
            Py_XDECREF(parts[1]);
            Py_XDECREF(parts[2]);
            if (item == NULL)
                goto fail;
            if (PyList_Append(out, item) < 0) {
                Py_DECREF(item);
                goto fail;
            }
            Py_DECREF(item);
        }
    }
    Py_XDECREF(no_args);
    return out;
fail:
    Py_XDECREF(no_args);
    Py_DECREF(out);
    return NULL;
}

static PyObject *month_names(PyObject *module, PyObject *unused) {
    PyObject *out = PyDict_New();
    (void)module;
    (void)unused;
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < N_MONTHS; k++) {
        PyObject *name = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, MONTH_NAMES[k].c, MONTH_NAMES[k].len);
        PyObject *number = name ? PyLong_FromLong(MONTH_NAMES[k].month) : NULL;
        int bad = number == NULL || PyDict_SetItem(out, name, number) < 0;
        Py_XDECREF(name);
        Py_XDECREF(number);
        if (bad) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyMethodDef METHODS[] = {
    {"find_dates", (PyCFunction)(void (*)(void))find_dates, METH_FASTCALL,
     "find_dates(text, cls[, fields]): dates._find_dates(text), each date cls(iso, start, end)."},
    {"month_names", month_names, METH_NOARGS, "The month names the scanner knows: {name: month}."},
    {"month_day", month_day, METH_O, "month_day(text): dates.MONTH_DAY.match(text) is not None."},
    {"yearless", yearless, METH_O, "yearless(text): dates.YEARLESS.search(text) is not None."},
    {"find_yearless", (PyCFunction)(void (*)(void))find_yearless, METH_FASTCALL,
     "find_yearless(text, year, cls, fields): dates.find_yearless(text, year), each date cls's."},
    {"mostly_date", (PyCFunction)(void (*)(void))mostly_date, METH_FASTCALL,
     "mostly_date(text, dates, words): article._mostly_date's answer."},
    {"date_lines", (PyCFunction)(void (*)(void))date_lines, METH_FASTCALL,
     "date_lines(texts, byline, title_at, first, window, above, max_chars, firsts): "
     "article.date_lines_of's (lines, maybe)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef MODULE = {PyModuleDef_HEAD_INIT, "_dates", NULL, 0, METHODS,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__dates(void) { return PyModuleDef_Init(&MODULE); }
