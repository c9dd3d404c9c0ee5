"""Build newsdump/models/stopwords.json from the stoplists that ship with jusText.

    .venv/bin/python tools/build_stopwords.py

jusText's lists are ordered by frequency; we keep the most frequent words of a chosen set of
languages so that language identification and stopword counts need no runtime dependency.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

LANGUAGES: dict[str, str] = {  # jusText name -> ISO 639-1 code
    "English": "en",
    "German": "de",
    "French": "fr",
    "Spanish": "es",
    "Portuguese": "pt",
    "Italian": "it",
    "Dutch": "nl",
    "Polish": "pl",
    "Czech": "cs",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Croatian": "hr",
    "Serbian": "sr",
    "Bosnian": "bs",
    "Bulgarian": "bg",
    "Macedonian": "mk",
    "Russian": "ru",
    "Ukrainian": "uk",
    "Belarusian": "be",
    "Swedish": "sv",
    "Danish": "da",
    "Norwegian_Bokmal": "no",
    "Finnish": "fi",
    "Estonian": "et",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Hungarian": "hu",
    "Romanian": "ro",
    "Greek": "el",
    "Turkish": "tr",
    "Arabic": "ar",
    "Persian": "fa",
    "Urdu": "ur",
    "Hebrew": "he",
    "Hindi": "hi",
    "Bengali": "bn",
    "Indonesian": "id",
    "Malay": "ms",
    "Vietnamese": "vi",
    "Tagalog": "tl",
    "Catalan": "ca",
    "Galician": "gl",
    "Basque": "eu",
    "Icelandic": "is",
    "Irish": "ga",
    "Welsh": "cy",
    "Albanian": "sq",
    "Korean": "ko",
    "Swahili": "sw",
    "Afrikaans": "af",
}
WORDS_PER_LANGUAGE = 300
OUT = Path(__file__).resolve().parent.parent / "newsdump" / "models" / "stopwords.json"


def main() -> None:
    spec = importlib.util.find_spec("justext")  # locate without importing (needs lxml_html_clean)
    assert spec is not None and spec.submodule_search_locations is not None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    out: dict[str, list[str]] = {}
    for name, code in LANGUAGES.items():
        words = (folder / f"{name}.txt").read_text(encoding="utf-8").split()
        seen: dict[str, None] = {}
        for w in words:
            seen.setdefault(w.lower(), None)
        out[code] = list(seen)[:WORDS_PER_LANGUAGE]
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(out)} languages, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
