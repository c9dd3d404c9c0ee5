"""The other stories `split` finds on the ten invented pages of tests/data/unseen2 (both dump
styles), pinned exactly: title, printed time and resolved date of every feed item. What they
pin: ranks leave a numbered list's headlines ("1 Vaud: ..."), a date printed in front of a
headline or after it becomes its time ("27.11.2026 Stadtwerke ...", "... Dogma 26. November
2026"), dates printed under the headlines go with the headline above them (zh-xinwen,
fr-magazine lines), no reader's comment, newsletter's name, issue or imprint line, share bar,
"follow us" line or notice the revision dropped comes out as a story, Korean headlines are no
menu (ko-sinmun's most-read list). Lines marked "left:" are known faults (see each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdump import split

PAGES = Path(__file__).parent / "data" / "unseen2"

FEEDS: dict[tuple[str, str], list[tuple[str, str | None, str | None]]] = {
    ("ch-fr-quotidien", "inner"): [
        ("Les TPG augmentent leurs tarifs au 1er janvier", None, None),
        ("Vaud: un glissement de terrain coupe la route du col", None, None),
        ("Un nouveau pont sur l'Arve pour les piétons", None, None),
        ("Hockey: Servette s'impose aux tirs au but", None, None),
    ],
    ("ch-fr-quotidien", "lines"): [
        ("Les TPG augmentent leurs tarifs au 1er janvier", None, None),
        ("Vaud: un glissement de terrain coupe la route du col", None, None),
        ("Un nouveau pont sur l'Arve pour les piétons", None, None),
        ("Hockey: Servette s'impose aux tirs au but", None, None),
        ("Lausanne: le marché de Noël ouvre ses portes vendredi", None, None),
        ("Un cycliste grièvement blessé à Carouge", None, None),
        ("Les loyers genevois continuent d'augmenter", None, None),
    ],
    ("de-meinung", "inner"): [
        ("Wie Genossenschaften Dorfläden retten Von Lisa Brandt", None, None),  # left: byline
        ("Kommentar: Die Schuldenbremse ist kein Dogma", "26. November 2026", "2026-11-26"),
        ("Kolumne: Warum ich wieder Briefe schreibe", "25. November 2026", "2026-11-25"),
        (
            "Leitartikel: Europa muss sich selbst verteidigen können",
            "24. November 2026",
            "2026-11-24",
        ),
    ],
    ("de-meinung", "lines"): [
        ("Kommentar: Die Schuldenbremse ist kein Dogma", "26. November 2026", "2026-11-26"),
        ("Kolumne: Warum ich wieder Briefe schreibe", "25. November 2026", "2026-11-25"),
        (
            "Leitartikel: Europa muss sich selbst verteidigen können",
            "24. November 2026",
            "2026-11-24",
        ),
    ],
    ("de-regional", "inner"): [
        ("Parkgebühren in der Innenstadt steigen zum Jahreswechsel", None, None),  # its card
        ("Unfall auf der B3: Lkw kippt bei Cölbe um", None, None),
        ("Weihnachtsmarkt öffnet am Montag mit neuem Riesenrad", None, None),
        ("Uni-Klinikum sucht Pflegekräfte mit Prämie", None, None),
        ("Stadtwerke erhöhen die Fernwärmepreise", "27.11.2026", "2026-11-27"),
        ("Polizei sucht Zeugen nach Einbruch in Kindergarten", "26.11.2026", "2026-11-26"),
        ("Stadtbücherei verlängert Öffnungszeiten am Samstag", "26.11.2026", "2026-11-26"),
    ],
    ("de-regional", "lines"): [
        ("Parkgebühren in der Innenstadt steigen zum Jahreswechsel", None, None),  # its card
        ("Unfall auf der B3: Lkw kippt bei Cölbe um 2", None, None),  # left: segment glues "2"
        ("Weihnachtsmarkt öffnet am Montag mit neuem Riesenrad", None, None),
        ("Uni-Klinikum sucht Pflegekräfte mit Prämie", None, None),
        ("Stadtwerke erhöhen die Fernwärmepreise", "27.11.2026", "2026-11-27"),
        ("Polizei sucht Zeugen nach Einbruch in Kindergarten", "26.11.2026", "2026-11-26"),
        ("Stadtbücherei verlängert Öffnungszeiten am Samstag", "26.11.2026", "2026-11-26"),
    ],
    ("fr-depeche", "inner"): [
        ("Football : Lens s'impose à Brest et remonte sur le podium", "16:12", None),
        ("Incendie dans un entrepôt près de Lille, pas de blessé", "15:58", None),
        (
            "Budget : l'Assemblée rejette un amendement sur la taxe des billets d'avion",
            "15:41",
            None,
        ),
        ("Italie : le gouvernement survit à un vote de confiance", "15:30", None),
    ],
    ("fr-depeche", "lines"): [
        ("Football : Lens s'impose à Brest et remonte sur le podium", "16:12", None),
        ("Incendie dans un entrepôt près de Lille, pas de blessé", "15:58", None),
        (
            "Budget : l'Assemblée rejette un amendement sur la taxe des billets d'avion",
            "15:41",
            None,
        ),
        ("Italie : le gouvernement survit à un vote de confiance", "15:30", None),
    ],
    ("fr-magazine", "inner"): [
        ("Le livre d'occasion, nouvel eldorado des jeunes lecteurs", None, None),
        ("Retraites : ce qui change au 1er janvier pour les indépendants", None, None),
        ("Le télétravail recule dans les grandes entreprises, selon une étude", None, None),
        ("Dans les Alpes, les stations de ski misent sur l'été", None, None),
        (
            "Bibliothèques : les horaires d'ouverture s'allongent le dimanche",
            "25 novembre 2026",
            "2026-11-25",
        ),
        (
            "Le prix unique du livre a cinquante ans : bilan d'une exception française",
            "20 novembre 2026",
            "2026-11-20",
        ),
    ],
    ("fr-magazine", "lines"): [
        ("Le livre d'occasion, nouvel eldorado des jeunes lecteurs", None, None),
        ("Retraites : ce qui change au 1er janvier pour les indépendants", None, None),
        ("Le télétravail recule dans les grandes entreprises, selon une étude", None, None),
        ("Dans les Alpes, les stations de ski misent sur l'été", None, None),
        (
            "Bibliothèques : les horaires d'ouverture s'allongent le dimanche",
            "25 novembre 2026",
            "2026-11-25",
        ),
        (
            "Le prix unique du livre a cinquante ans : bilan d'une exception française",
            "20 novembre 2026",
            "2026-11-20",
        ),
    ],
    ("ko-sinmun", "inner"): [
        ("한강시, 심야버스 노선 3개 신설", None, None),
        ("한강시 아파트 매매가 석 달 연속 하락", None, None),
        ("겨울철 독감 환자 급증…예방접종 서둘러야", None, None),
        ("도심 공원에 야간 조명 설치 완료", None, None),
        ("한강시 청년 월세 지원 신청 접수 시작", "2026.11.27", "2026-11-27"),
        ("시립도서관, 주말 운영 시간 연장", "2026.11.27", "2026-11-27"),
        ("한강 둔치 자전거도로 보수 공사 마무리", "2026.11.26", "2026-11-26"),
    ],
    ("ko-sinmun", "lines"): [
        ("한강시 아파트 매매가 석 달 연속 하락", None, None),
        ("겨울철 독감 환자 급증…예방접종 서둘러야", None, None),
        ("도심 공원에 야간 조명 설치 완료", None, None),
        ("시립도서관, 주말 운영 시간 연장", "2026.11.27", "2026-11-27"),
        ("한강 둔치 자전거도로 보수 공사 마무리", "2026.11.26", "2026-11-26"),
    ],
    ("pl-biznes", "inner"): [
        ("Branża stolarki otworowej liczy straty po spadku liczby nowych budów", None, None),
        ("NBP: inflacja bazowa w październiku spadła do 3,1 proc.", "09:40", None),
        ("Ceny mieszkań w Krakowie wzrosły o 8 proc. w ciągu roku", "09:12", None),
        ("Sieć drogerii zamyka 40 sklepów. Związki zapowiadają protest", "08:55", None),
    ],
    ("pl-biznes", "lines"): [
        ("Branża stolarki otworowej liczy straty po spadku liczby nowych budów", None, None),
        ("NBP: inflacja bazowa w październiku spadła do 3,1 proc.", "09:40", None),
        # left: segment glues the next item's "08:55" to this headline
        ("Ceny mieszkań w Krakowie wzrosły o 8 proc. w ciągu roku 08:55", "09:12", None),
        ("Sieć drogerii zamyka 40 sklepów. Związki zapowiadają protest", None, None),
    ],
    ("pl-regionalny", "inner"): [
        ("Nowa hala sportowa przy szkole nr 3. Przetarg rozstrzygnięty", None, None),  # card
        ("Białogard. Od grudnia droższe bilety komunikacji miejskiej", None, None),
        (
            "Zderzenie trzech samochodów na obwodnicy. Droga była zablokowana",
            "27.11.2026",
            "2026-11-27",
        ),
        (
            "Koszalin. Jarmark świąteczny wystartuje w pierwszy weekend grudnia",
            "27.11.2026",
            "2026-11-27",
        ),
        (
            "Powiatowy urząd pracy ma nowe oferty. Szukają kierowców i spawaczy",
            "26.11.2026",
            "2026-11-26",
        ),
        ("Pożar w kamienicy przy Kościuszki. Ewakuowano dwanaście osób", None, None),
        ("Lidl otwiera nowy sklep w regionie. Znamy datę", None, None),
        ("Sanepid ostrzega przed wodą z wodociągu w gminie Tychowo", None, None),
    ],
    ("pl-regionalny", "lines"): [
        ("Nowa hala sportowa przy szkole nr 3. Przetarg rozstrzygnięty", None, None),  # card
        ("Białogard. Od grudnia droższe bilety komunikacji miejskiej", None, None),
        (
            "Zderzenie trzech samochodów na obwodnicy. Droga była zablokowana",
            "27.11.2026",
            "2026-11-27",
        ),
        (
            "Koszalin. Jarmark świąteczny wystartuje w pierwszy weekend grudnia",
            "27.11.2026",
            "2026-11-27",
        ),
        # left: segment glues its date "26.11.2026" to the headline above
        ("Powiatowy urząd pracy ma nowe oferty. Szukają kierowców i spawaczy", None, None),
        ("Pożar w kamienicy przy Kościuszki. Ewakuowano dwanaście osób", None, None),
        ("Lidl otwiera nowy sklep w regionie. Znamy datę", None, None),
        ("Sanepid ostrzega przed wodą z wodociągu w gminie Tychowo", None, None),
    ],
    ("zh-jishu", "inner"): [
        ("分布式缓存的五个常见误区", None, None),
        ("用一周时间重写日志系统的经验", "2026-11-20", "2026-11-20"),
        ("为什么我们放弃了微服务", "2026-11-12", "2026-11-12"),
    ],
    ("zh-jishu", "lines"): [
        ("分布式缓存的五个常见误区", None, None),
        ("用一周时间重写日志系统的经验", "2026-11-20", "2026-11-20"),
        ("为什么我们放弃了微服务", "2026-11-12", "2026-11-12"),
    ],
    ("zh-xinwen", "inner"): [
        ("东江市今年新增公共停车位五千个", None, None),
        ("东江市启动城市更新三年行动计划", "2026-11-20", "2026-11-20"),
        ("城南街道新建两处社区食堂投入使用", "2026-11-18", "2026-11-18"),
        ("东江市公布明年民生实事项目", "2026-11-15", "2026-11-15"),
        ("东江大桥夜间封闭施工 请市民提前规划出行", None, None),
        ("东江市中小学寒假时间确定", None, None),
        ("本周末东江将迎来大幅降温", None, None),
    ],
    ("zh-xinwen", "lines"): [
        ("东江市今年新增公共停车位五千个", None, None),
        ("东江市启动城市更新三年行动计划", "2026-11-20", "2026-11-20"),
        ("城南街道新建两处社区食堂投入使用", "2026-11-18", "2026-11-18"),
        ("东江市公布明年民生实事项目", "2026-11-15", "2026-11-15"),
        ("东江大桥夜间封闭施工 请市民提前规划出行", None, None),
        ("东江市中小学寒假时间确定", None, None),
        ("本周末东江将迎来大幅降温", None, None),
    ],
}


@pytest.mark.parametrize(("name", "style"), sorted(FEEDS), ids=lambda v: str(v))
def test_the_feed_of_each_page(name: str, style: str) -> None:
    records = split((PAGES / f"{name}.{style}.txt").read_text(encoding="utf-8"))
    got = [(r.feed.title, r.feed.time, r.feed.published) for r in records if r.feed]
    assert got == FEEDS[name, style]
