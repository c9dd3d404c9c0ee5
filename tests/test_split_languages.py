# ruff: noqa: E501
"""split on invented pages in Polish, French and Chinese: the menu lines, the comments and the
footer links are not stories; the "read also" list is (the rules of feed.py beyond English)."""

from __future__ import annotations

import pytest

from newsdump import split

PL = """\
Przejdź do treści
Gazeta Doliny
Aktualności Region Sport Kultura Pogoda Ogłoszenia
Prenumerata E-wydanie Reklama Kontakt
Zaloguj się

Region

Rada miasta zdecydowała o budowie nowego mostu na rzece

Nowy most ma połączyć dwie dzielnice miasta i skrócić dojazd do szpitala o kwadrans.

Anna Kowalska
3 marca 2025, 9:15
Robotnicy przygotowują teren pod budowę mostu. Fot. Jan Nowak

Rada miasta przegłosowała we wtorek budowę nowego mostu na rzece, który ma połączyć dzielnicę północną z centrum miasta. Inwestycja ma kosztować około 40 milionów złotych i potrwa dwa lata.

Mieszkańcy od lat skarżyli się na korki na starym moście, który w godzinach szczytu jest całkowicie zablokowany. Burmistrz powiedział, że nowy most rozwiąże ten problem na wiele lat.

Prace mają rozpocząć się jesienią, a pierwsze samochody przejadą przez most w 2027 roku. Część pieniędzy pochodzi z funduszy unijnych.

Komentarze (2)

Marek napisał:
3 marca 2025, 10:02
Wreszcie! Czekamy na ten most od dwudziestu lat, oby tylko nie przekroczyli budżetu.
Odpowiedz

Ewa napisała:
3 marca 2025, 11:40
A co z drogą rowerową na moście, czy ktoś o tym pomyślał?
Odpowiedz

Czytaj także:
Nowa linia autobusowa połączy dworzec z lotniskiem od czerwca
Basen miejski otrzyma nową zjeżdżalnię dla dzieci
Festyn w parku odwołany z powodu remontu alei

Regulamin Polityka prywatności Kontakt
"""

FR = """\
Aller au contenu
La Gazette du Val
Actualités Région Économie Culture Sports Météo
Abonnement Journal numérique Publicité Contact
Se connecter

Région

Le conseil municipal vote la construction d'un nouveau pont sur la rivière

Le nouveau pont reliera deux quartiers et raccourcira d'un quart d'heure le trajet vers l'hôpital.

Par Claire Martin
Publié le 3 mars 2025 à 9h15
Des ouvriers préparent le terrain du futur pont. (Photo : Marc Roux)

Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, qui reliera le quartier nord au centre-ville. Le projet doit coûter environ 40 millions d'euros et durer deux ans.

Depuis des années, les habitants se plaignent des embouteillages sur le vieux pont, complètement bloqué aux heures de pointe. Le maire a déclaré que le nouveau pont réglerait ce problème pour longtemps.

Les travaux commenceront à l'automne et les premières voitures passeront sur le pont en 2027. Une partie du financement vient de la région.

Commentaires

Julien a écrit :
3 mars 2025 à 10h02
Enfin ! On attend ce pont depuis vingt ans, pourvu que le budget soit respecté.
Répondre

À lire aussi
Une nouvelle ligne de bus reliera la gare à l'aéroport dès juin
La piscine municipale aura un nouveau toboggan pour les enfants
La fête du parc annulée à cause des travaux de l'allée

Mentions légales Politique de confidentialité Contact
"""

ZH = """\
跳到主要内容
河谷日报
首页 新闻 本地 体育 文化 天气
登录

市议会决定在河上建造一座新桥

新桥将连接两个城区，使前往医院的时间缩短十五分钟。

记者 王芳
2025年3月3日 09:15
工人们正在为建桥做准备。（图/李明）

市议会周二投票决定在河上建造一座新桥，将北部城区与市中心连接起来。该项目预计耗资约四千万元，工期两年。

多年来，居民一直抱怨旧桥拥堵严重，高峰时段几乎完全堵塞。市长表示，新桥将在未来多年内解决这一问题。

工程将于今年秋天开工，首批车辆将在2027年通过新桥。部分资金来自省级财政。

评论

小李说：
2025年3月3日 10:02
终于等到了！希望不要超出预算，我们等这座桥已经二十年了。
回复

相关新闻
新公交线路六月起连接火车站和机场
市游泳馆将为儿童新建滑梯
公园庙会因道路维修取消

使用条款 隐私政策 联系我们
"""


@pytest.mark.parametrize(
    ("page", "headline", "stories"),
    [
        (
            PL,
            "Rada miasta zdecydowała o budowie nowego mostu na rzece",
            [
                "Nowa linia autobusowa połączy dworzec z lotniskiem od czerwca",
                "Basen miejski otrzyma nową zjeżdżalnię dla dzieci",
                "Festyn w parku odwołany z powodu remontu alei",
            ],
        ),
        (
            FR,
            "Le conseil municipal vote la construction d'un nouveau pont sur la rivière",
            [
                "Une nouvelle ligne de bus reliera la gare à l'aéroport dès juin",
                "La piscine municipale aura un nouveau toboggan pour les enfants",
                "La fête du parc annulée à cause des travaux de l'allée",
            ],
        ),
        (
            ZH,
            "市议会决定在河上建造一座新桥",
            [
                "新公交线路六月起连接火车站和机场",
                "市游泳馆将为儿童新建滑梯",
                "公园庙会因道路维修取消",
            ],
        ),
    ],
    ids=["pl", "fr", "zh"],
)
def test_split_keeps_only_the_stories(page: str, headline: str, stories: list[str]) -> None:
    records = split(page)
    assert [
        (r.kind, r.article.title if r.article else r.feed.title if r.feed else None)
        for r in records
    ] == [("article", headline)] + [("feed", s) for s in stories]
    article = records[0].article
    assert article is not None and article.published == "2025-03-03T09:15:00"
