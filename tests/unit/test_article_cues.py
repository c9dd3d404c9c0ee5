"""article.cues tries DATE_CUE and UPDATE_CUE only where the folded text holds a part of one of
their words, and uncut tries CUT only where the stripped text ends with "..." or "…": the same
matches as the patterns tried everywhere (re's IGNORECASE extra cases included)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump.article import CUE_PARTS, CUT, DATE_CUE, UPDATE_CUE, UPDATE_CUE_PARTS, cues
from newsdump.headline import folded

WORDS = [
    "Published", "PUBLIÉ", "publié", "publicado", "opublikowano", "Pubblicato", "posted",
    "Veröffentlicht", "VERÖFFENTLICHT", "Updated", "UPDATED", "aktualisiert", "Mis à jour",
    "MIS À JOUR", "actualizado", "zaktualizowano", "aktualizacja", "수정", "更新", "入力",
    "PUBLİSHED", "publıshed", "poſted", "updated", "Ann", "Lee", "3 mars", "Nov 19, 2019",
    "10:42", "le", "à", "um", "...", "…", "pub", "post",
]  # fmt: skip
SEPARATORS = [" ", " ", "", ": ", ", ", " | ", "\n", "-", "\u00a0"]
TEXTS = st.one_of(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=8).map(
        lambda pairs: "".join(w + s for w, s in pairs)
    ),
    st.text(max_size=40),
)


def spans(m: object) -> tuple[int, int] | None:
    return None if m is None else m.span()  # type: ignore[attr-defined]


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_cues_are_the_patterns_searches(text: str) -> None:
    cue, update = cues(text)
    assert spans(cue) == spans(DATE_CUE.search(text))
    assert spans(update) == spans(UPDATE_CUE.search(text))


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_each_cue_needs_a_part_in_the_folded_text(text: str) -> None:
    low = folded(text)
    if low is None:
        return
    if DATE_CUE.search(text) is not None:
        assert any(part in low for part in CUE_PARTS)
    if UPDATE_CUE.search(text) is not None:
        assert any(part in low for part in UPDATE_CUE_PARTS)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_cut_needs_its_end_on_a_stripped_text(text: str) -> None:
    text = text.strip()
    if not text.endswith(("...", "…")):
        assert CUT.sub("", text) == text


def test_cues_known() -> None:
    cue, update = cues("Published Nov 19, 2019 · Updated Nov 20, 2019")
    assert spans(cue) == (0, 9)
    assert spans(update) == (25, 32)
    assert cues("Ann Lee Nov 19, 2019") == (None, None)
    assert spans(cues("PUBLİSHED 3 mars")[0]) == spans(DATE_CUE.search("PUBLİSHED 3 mars"))
    assert spans(cues("Mis à jour le 3 mars")[1]) == (0, 10)
