"""The context pass: only unsure blocks are revised, each for a reason."""

from __future__ import annotations

from newsdump.document import Block, Label, LabelledBlock
from newsdump.revise import revise

PARA = "The council met on Tuesday and voted on the harbour plan after a long debate."


def page(*rows: tuple[str, bool, float]) -> list[LabelledBlock]:
    """(text, body?, score) rows as labelled blocks."""
    return [
        LabelledBlock(
            Block(i, text, (i, i)), Label.ARTICLE if body else Label.BOILERPLATE, score, "model"
        )
        for i, (text, body, score) in enumerate(rows)
    ]


def labels(blocks: list[LabelledBlock]) -> list[tuple[str, str]]:
    return [(lb.label.value, lb.reason) for lb in blocks]


def test_an_embedded_card_after_a_sure_paragraph_leaves_the_body() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            (PARA, True, 0.98),
            ("Harbour pilots warn of delays as fog season starts", True, 0.6),
            ("Three ferries were held outside the breakwater on Sunday morning.", True, 0.7),
            ("Harbour TimesAnn Lee", False, 0.3),
        )
    )
    assert labels(out)[2:4] == [("boilerplate", "embedded_card"), ("boilerplate", "embedded_card")]
    assert labels(out)[:2] == [("article", "model"), ("article", "model")]


def test_a_subheading_between_sure_paragraphs_stays() -> None:
    rows = [(PARA, True, 0.99)] * 2 + [("What happens next", True, 0.6), (PARA, True, 0.97)]
    assert labels(revise(page(*rows))) == [("article", "model")] * 4


def test_a_short_unsure_line_next_to_boilerplate_goes() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            ("Join our community", False, 0.3),
            ("Support Us", True, 0.56),
            (PARA, True, 0.99),
        )
    )
    assert labels(out)[2] == ("boilerplate", "short_unsure")


def test_a_list_inside_the_story_stays() -> None:
    items = [(f"Item number {n} on the list", True, 0.6) for n in range(4)]
    rows = [(PARA, True, 0.99), ("Menu", False, 0.1), *items, (PARA, True, 0.99)]
    assert [r for r, _ in labels(revise(page(*rows)))][2:6] == ["article"] * 4


def test_a_sure_block_is_never_revised() -> None:
    rows = [(PARA, True, 0.99), ("Ads", False, 0.1), ("Short sure line", True, 0.95)]
    assert labels(revise(page(*rows)))[2] == ("article", "model")


def test_an_unsure_tail_cut_off_by_boilerplate_goes() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            (PARA, True, 0.99),
            ("Author: Ann Lee", False, 0.2),
            ("Comments", False, 0.1),
            ("Support independent journalism. Join us in this fight today.", True, 0.55),
        )
    )
    assert labels(out)[4] == ("boilerplate", "unsure_tail")


def test_a_long_unsure_stretch_is_not_cut_off() -> None:
    tail = [(PARA, True, 0.7)] * 4
    rows = [(PARA, True, 0.99), ("Ad", False, 0.1), ("Ad", False, 0.1), *tail]
    assert [r for r, _ in labels(revise(page(*rows)))][3:] == ["article"] * 4


def test_no_body_no_change() -> None:
    rows = [("Menu", False, 0.1), ("Home", False, 0.2)]
    assert labels(revise(page(*rows))) == [("boilerplate", "model")] * 2


def test_a_card_whose_source_and_author_run_together_goes_with_that_line() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            ("Harbour pilots warn of delays as fog season starts early", True, 0.85),
            ("Three ferries were held outside the breakwater on Sunday morning.", True, 0.87),
            ("Harbour TimesTomas Reyes", True, 0.6),
            (PARA, True, 0.99),
        )
    )
    assert [r for _, r in labels(out)[1:4]] == ["embedded_card"] * 3
    assert labels(out)[4] == ("article", "model")


def test_a_subheading_its_paragraph_and_the_next_subheading_stay() -> None:
    rows = [
        (PARA, True, 0.99),
        (PARA, True, 0.99),
        ("Why the original film cuts matter today", True, 0.7),
        ("Admittedly, the differences between the cuts are small for most viewers.", True, 0.8),
        ("What the studio says", True, 0.6),
        (PARA, True, 0.99),
    ]
    assert labels(revise(page(*rows))) == [("article", "model")] * 6


def test_a_boxed_call_to_action_leaves_the_body() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            (PARA, True, 0.99),
            ("Newsletter", True, 0.65),
            ("The Morning Tide: the stories that matter, in your inbox before 7 a.m.", True, 0.87),
            ("Sign up", True, 0.78),
            (PARA, True, 0.99),
        )
    )
    assert [r for _, r in labels(out)[2:5]] == ["boxed_call"] * 3
    assert labels(out)[5] == ("article", "model")


def test_a_tip_box_inside_a_list_stays() -> None:
    rows = [
        (PARA, True, 0.99),
        (PARA, True, 0.99),
        ("Pro tip:", True, 0.6),
        ("Prepare the vegetables the evening before.", True, 0.7),
        ("Meal 2", True, 0.6),
        (PARA, True, 0.99),
    ]
    assert [r for r, _ in labels(revise(page(*rows)))] == ["article"] * 6


def test_an_unsure_tail_after_a_label_line_goes() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            (PARA, True, 0.99),
            ("Author: Ann Lee", True, 0.54),
            ("Support local journalism. Become a member today.", True, 0.75),
        )
    )
    assert [r for _, r in labels(out)[2:]] == ["unsure_tail", "unsure_tail"]


def test_a_comment_thread_under_the_story_leaves_the_body_sure_or_not() -> None:
    rows = [(PARA, True, 0.99), (PARA, True, 0.98), ("[ 167 comments ]", False, 0.3)]
    for n, name in enumerate(("Woyzeck", "Nick A", "fmcshan")):
        rows += [
            (name, False, 0.2),
            (f"2 days ago at 07:5{n} am", False, 0.4),
            ("I think we'll see similar updates to what the larger model received.", True, 0.95),
        ]
    out = labels(revise(page(*rows)))
    assert out[:2] == [("article", "model")] * 2
    assert {lb for lb in out[3:] if lb[0] == "article"} == set()
    assert out[-1] == ("boilerplate", "comment_thread")


def test_a_live_blog_with_bare_times_stays() -> None:
    rows = [(PARA, True, 0.99)]
    for n in range(4):
        rows += [(f"10:4{n}", False, 0.3), (PARA, True, 0.97)]
    assert [r for r, _ in labels(revise(page(*rows)))][::2] == ["article"] * 5


def test_a_feed_printed_twice_leaves_the_body() -> None:
    feed = [f"Story {n} in the feed, with a summary that reads like prose." for n in range(3)]
    rows = [(t, True, 0.98) for t in feed] + [(PARA, True, 0.99), (PARA, True, 0.99)]
    rows += [("More news", False, 0.1)] + [(t, False, 0.9) for t in feed]
    out = labels(revise(page(*rows)))
    assert [r for _, r in out[:3]] == ["repeated_run"] * 3
    assert out[3:5] == [("article", "model")] * 2


def test_a_paragraph_quoted_once_elsewhere_stays() -> None:
    rows = [(PARA, True, 0.99), ("A pull quote of the story, printed twice.", True, 0.9)]
    rows += [(PARA, True, 0.99), ("A pull quote of the story, printed twice.", False, 0.4)]
    assert [r for r, _ in labels(revise(page(*rows)))][:3] == ["article"] * 3


def test_a_list_of_teasers_with_kickers_after_the_story_leaves_the_body() -> None:
    rows = [(PARA, True, 0.99), (PARA, True, 0.99)]
    for kicker in ("REINDEER GAMES", "LOVE IS LOVE", "A NATIONAL TRAGEDY"):
        rows += [
            (kicker, True, 0.6),
            ("What the herders of the north say about the mine", True, 0.8),
            ("aeon.co Long Reads", True, 0.85),
            ("The herders had never protested before the miners arrived in the valley.", True, 0.9),
        ]
    out = labels(revise(page(*rows)))
    assert out[:2] == [("article", "model")] * 2
    assert {r for _, r in out[2:]} == {"teaser_list"}


def test_a_listicle_of_headed_paragraphs_stays() -> None:
    rows = [(PARA, True, 0.99), (PARA, True, 0.99)]
    for n in range(4):
        rows += [(f"Gadget number {n} that we liked", True, 0.7), (PARA, True, 0.95)]
    assert [r for r, _ in labels(revise(page(*rows)))] == ["article"] * 10


def test_a_related_links_box_inside_the_story_leaves_the_body_label_too() -> None:
    out = revise(
        page(
            (PARA, True, 0.99),
            ("Related articles", True, 0.6),
            ("Ferry crews vote to strike over winter rosters", True, 0.7),
            ("Lighthouse keeper retires after forty years", True, 0.9),
            (PARA, True, 0.98),
        )
    )
    assert labels(out) == [
        ("article", "model"),
        ("boilerplate", "related_links"),
        ("boilerplate", "related_links"),
        ("boilerplate", "related_links"),
        ("article", "model"),
    ]


def test_a_related_label_outside_the_body_takes_its_headlines_in_any_language() -> None:
    for label in ("Lesen Sie auch:", "Zobacz też", "DON'T MISS", "À lire aussi …", "相关新闻"):
        out = revise(
            page(
                (PARA, True, 0.99),
                (label, False, 0.3),
                ("Hafenlotsen warnen vor Nebel", True, 0.95),
                (PARA, True, 0.98),
            )
        )
        assert labels(out) == [
            ("article", "model"),
            ("boilerplate", "model"),
            ("boilerplate", "related_links"),
            ("article", "model"),
        ], label


def test_a_see_also_section_the_classifier_is_sure_of_and_a_numbered_item_stay() -> None:
    sure_section = [
        (PARA, True, 0.99),
        ("See also", True, 0.95),
        ("List of harbours in the region", True, 0.9),
        ("Harbour pilots of the northern coast", True, 0.9),
        ("Lighthouses by region", True, 0.9),
        (PARA, True, 0.98),
    ]
    assert labels(revise(page(*sure_section))) == [("article", "model")] * 6
    at_the_end = sure_section[:3]
    assert labels(revise(page(*at_the_end))) == [("article", "model")] * 3
    numbered = [
        (PARA, True, 0.99),
        ("Read more", True, 0.6),
        ("Ferry crews vote to strike over winter rosters", True, 0.7),
        ("5. Check the tide tables first", True, 0.7),
        (PARA, True, 0.98),
    ]
    assert [r for _, r in labels(revise(page(*numbered)))] == [
        "model",
        "related_links",
        "related_links",
        "model",
        "model",
    ]


def test_a_sure_label_over_one_headline_with_the_story_going_on_is_a_card() -> None:
    for label in ("Lire aussi", "Lesen Sie auch", "Czytaj też:", "相关阅读", "関連記事"):
        rows = [
            (PARA, True, 0.99),
            (label, True, 0.85),
            ("Ferry crews vote to strike over winter rosters", True, 0.86),
            (PARA, True, 0.98),
        ]
        assert [r for _, r in labels(revise(page(*rows)))] == [
            "model",
            "related_links",
            "related_links",
            "model",
        ], label


def test_a_related_box_in_a_dense_script_stops_at_the_next_paragraph() -> None:
    para = (
        "轨道交通集团负责人表示，三号线预计将于明年春季"
        "正式载客运营，具体开通日期将根据试运行情况确定。"
    )
    rows = [
        (para, True, 0.98),
        ("相关阅读", True, 0.82),
        ("青川高铁站扩建工程完工 新增四个候车厅", True, 0.81),
        (para, True, 0.95),
        (para, True, 0.9),
        ("责任编辑：陈静", False, 0.1),
    ]
    assert [r for _, r in labels(revise(page(*rows)))] == [
        "model",
        "related_links",
        "related_links",
        "model",
        "model",
        "model",
    ]


def test_a_card_closed_by_a_read_more_button_inside_the_story_leaves_the_body() -> None:
    rows = [
        (PARA, True, 0.99),
        ("Ferry crews vote to strike over winter rosters", True, 0.9),
        ("The union says the new rosters leave crews without a weekend off.", True, 0.95),
        ("Weiterlesen", True, 0.85),
        (PARA, True, 0.98),
    ]
    assert [r for _, r in labels(revise(page(*rows)))] == [
        "model",
        "read_more_card",
        "read_more_card",
        "read_more_card",
        "model",
    ]
    lede_card = rows[1:]  # before the story's first sure paragraph: not inside the story
    assert [r for _, r in labels(revise(page(*lede_card)))] == ["model"] * 4


def test_a_teaser_list_with_question_headlines_and_short_summaries_leaves_the_body() -> None:
    long_summary = "The crews had never seen a winter like it before, the harbour master said."
    rows = [
        (PARA, True, 0.99),
        (PARA, True, 0.99),
        ("TIDE TABLES", True, 0.6),
        ("Can The Harbour Keep Its Ferries Running Through A Long Winter?", True, 0.8),
        ("seaport.example Long Reads", True, 0.85),
        (long_summary, True, 0.9),
        ("LOW WATER", True, 0.6),
        ("What The Pilots Of The Northern Channel Say About Fog", True, 0.8),
        ("seaport.example Video", True, 0.85),
        ("Thanks, fog.", True, 0.7),  # a summary too short to read as a paragraph
        ("NIGHT SHIFT", True, 0.6),
        ("Lighthouse Keepers Remember Forty Years On The Rocks", True, 0.8),
        ("seaport.example Histories", True, 0.85),
        (long_summary, True, 0.9),
    ]
    out = labels(revise(page(*rows)))
    assert out[:2] == [("article", "model")] * 2
    assert out[2:] == [("boilerplate", "teaser_list")] * 12


def test_a_label_glued_to_a_headline_the_page_shows_again_leaves_the_body() -> None:
    rows = [
        (PARA, True, 0.99),
        ("Read more: Ferry crews vote to strike over winter rosters", True, 0.7),
        (PARA, True, 0.98),
        ("Related articles", False, 0.1),
        ("Ferry crews vote to strike over winter rosters", False, 0.1),
    ]
    assert [r for _, r in labels(revise(page(*rows)))][:3] == ["model", "glued_label", "model"]
    sure = [(text, body, 0.99 if body else score) for text, body, score in rows]
    assert labels(revise(page(*sure)))[1] == ("boilerplate", "glued_label")  # sure or not
    once = rows[:3]  # the headline printed once: a card between two paragraphs all the same
    assert [r for _, r in labels(revise(page(*once)))] == ["model", "embedded_card", "model"]
    update = ("Update: Ferry crews vote to strike over winter rosters", True, 0.9)
    assert labels(revise(page(rows[0], update, *rows[2:])))[1] == ("article", "model")


def listed(*rows: tuple[str, bool, float, bool]) -> list[LabelledBlock]:
    """(text, body?, score, blank line before?) rows as labelled blocks."""
    return [
        LabelledBlock(
            Block(i, text, (i, i), blank_before=blank),
            Label.ARTICLE if body else Label.BOILERPLATE,
            score,
            "model",
        )
        for i, (text, body, score, blank) in enumerate(rows)
    ]


def test_a_labelled_headline_list_above_the_story_leaves_the_body() -> None:
    rows = [
        ("Most Popular", False, 0.1, True),
        ("Ferry crews vote to strike over winter rosters", False, 0.3, True),
        ("Lighthouse keeper retires after forty years", True, 0.6, False),
        ("Harbour fees are rising. These charts show by how much.", True, 0.85, False),
        (PARA, True, 0.99, True),
        (PARA, True, 0.99, True),
    ]
    assert [r for _, r in labels(revise(listed(*rows)))] == [
        "model",
        "model",
        "related_links",
        "related_links",
        "model",
        "model",
    ]
    # the story's short first paragraph stands apart from the list (a blank line before it)
    apart = [*rows[:3], (rows[3][0], True, 0.85, True), *rows[4:]]
    assert [r for _, r in labels(revise(listed(*apart)))][2:4] == ["related_links", "model"]
    # with nothing of the story after it, a box is not above the story
    assert "related_links" not in [r for _, r in labels(revise(listed(*rows[:4])))]


def test_photo_captions_leave_the_body_sure_or_not() -> None:
    rows = [
        (PARA, True, 0.99),
        ("Crowds wait for the last ferry at the quay (Image: Harbour Times)", True, 0.97),
        (PARA, True, 0.99),
        ("Image caption The pilots met on the breakwater at dawn", True, 0.9),
        ("Fähre im Nebel (Bild: dpa)", True, 0.6),
        (PARA, True, 0.99),
    ]
    assert [r for _, r in labels(revise(page(*rows)))] == [
        "model",
        "caption",
        "model",
        "caption",
        "caption",
        "model",
    ]
    mention = [(PARA, True, 0.99), ("The photo (Image: a ferry) went viral overnight.", True, 0.9)]
    assert labels(revise(page(*mention, (PARA, True, 0.99))))[1] == ("article", "model")


def test_a_bare_credit_takes_its_caption_but_not_a_paragraph() -> None:
    rows = [
        (PARA, True, 0.99),
        ("Crowds wait for the last ferry at the quay", True, 0.9),
        ("(Photo credit: Ann Lee)", True, 0.9),
        (PARA, True, 0.99),
        ("(fot. Ann Lee)", True, 0.9),
        (PARA, True, 0.99),
    ]
    assert [r for _, r in labels(revise(page(*rows)))] == [
        "model",
        "caption",
        "caption",
        "model",
        "model",  # under a paragraph: the caption may be that paragraph, both stay
        "model",
    ]
    after_boilerplate = [(PARA, True, 0.99), ("Photo", False, 0.2), *rows[4:]]
    assert labels(revise(page(*after_boilerplate)))[2] == ("boilerplate", "caption")


def test_a_far_stretch_at_the_end_of_the_page_leaves_the_body() -> None:
    cookie = "This site uses cookies to remember your settings and to count its readers."
    story = [(PARA, True, 0.99)] * 3
    footer = [("Footer link", False, 0.1)] * 10
    rows = [*story, *footer, (cookie, True, 0.95), (cookie, True, 0.7), ("Accept", False, 0.2)]
    assert [r for _, r in labels(revise(page(*rows)))][13:15] == ["far_tail", "far_tail"]
    # closer to the story (nine blocks apart), it stays
    assert labels(revise(page(*story, *footer[1:], *rows[13:])))[12][1] == "model"
    # with blocks after it the page has not ended: it stays
    more = [*rows, *footer[:6]]
    assert labels(revise(page(*more)))[13][1] == "model"
    # the story itself at the end of the page, after a promo, has more sure blocks: it stays
    promo = [("Subscribe to our newsletter for the best of the week.", True, 0.9)]
    story_last = [*promo, *footer, *story, ("Accept", False, 0.2)]
    assert [r for _, r in labels(revise(page(*story_last)))][11:14] == ["model"] * 3


def test_an_author_bio_box_at_the_end_of_the_story_leaves_the_body() -> None:
    bio = "Ann Lee has covered the harbour for the Times since 2009 and sails on weekends."
    rows = [(PARA, True, 0.99), (PARA, True, 0.99), ("About Ann Lee", True, 0.7), (bio, True, 0.95)]
    assert [r for _, r in labels(revise(page(*rows)))] == ["model"] * 2 + ["author_bio"] * 2
    split = [*rows[:2], ("Über", True, 0.6), ("Ann Lee", True, 0.6), (bio, True, 0.95)]
    assert [r for _, r in labels(revise(page(*split)))][2:] == ["author_bio"] * 3
    # a generic label, a bio that names someone else, or the story going on: all stay
    generic = [*rows[:2], ("About the author", True, 0.7), rows[3]]
    other = [*rows[:2], ("About Ben Ross", True, 0.7), rows[3]]
    goes_on = [*rows, (PARA, True, 0.99)]
    for case in (generic, other, goes_on):
        assert "author_bio" not in [r for _, r in labels(revise(page(*case)))]


def test_bare_post_times_next_to_a_repeated_reply_line_are_a_comment_thread() -> None:
    rows = [(PARA, True, 0.99), (PARA, True, 0.98)]
    for n in range(3):
        rows += [
            ("Anonymous", False, 0.3),
            (f"6:3{n} PM", False, 0.4),
            ("I think we'll see similar updates to what the larger model received.", True, 0.95),
            ("Reply", True, 0.6),
        ]
    out = labels(revise(page(*rows)))
    assert out[:2] == [("article", "model")] * 2
    assert [r for _, r in out][4::4] == ["comment_thread"] * 3
    # bare times whose neighbours do not repeat: a live blog's entries, they stay
    blog = [(PARA, True, 0.99)]
    for n in range(4):
        blog += [
            (f"6:4{n} PM", False, 0.3),
            (f"Entry {n} of the blog", False, 0.3),
            (PARA, True, 0.97),
        ]
    assert [r for r, _ in labels(revise(page(*blog)))][::3] == ["article"] * 5


def test_without_blank_lines_a_box_runs_through_headlines_that_end_a_sentence() -> None:
    rows = [
        (PARA, True, 0.99),
        ("Trending News", False, 0.3),
        ('Harbour pilots cheer the rescue: "We got her!"', True, 0.7),
        ("Lighthouse keeper retires after forty years", True, 0.6),
        (PARA, True, 0.99),
    ]
    assert [r for _, r in labels(revise(page(*rows)))] == [
        "model",
        "model",
        "related_links",
        "related_links",
        "model",
    ]
    # a short sentence that ends the box is the story's own again
    story_on = [*rows[:4], ("The vote is on Friday.", True, 0.7), (PARA, True, 0.99)]
    assert labels(revise(page(*story_on)))[4] == ("article", "model")


def test_a_caption_with_a_credit_outside_brackets_or_in_wide_brackets_leaves_the_body() -> None:
    for caption in (
        "Helfer füllen am Marktplatz Sandsäcke. Foto: Lena Hofstetter",
        "La salle de lecture, au premier étage. © Photo Louis Mercier",
        "Robotnicy przygotowują teren pod budowę. Fot. Jan Nowak",
        "工人们正在为建桥做准备。（图片来源：河谷日报 李明 摄）",
    ):
        rows = [(PARA, True, 0.99), (caption, True, 0.9), (PARA, True, 0.98)]
        assert [r for _, r in labels(revise(page(*rows)))] == ["model", "caption", "model"]
    story = "He said the photo was fake. Photo of the day is here"
    rows = [(PARA, True, 0.99), (story, True, 0.9), (PARA, True, 0.98)]
    assert [r for _, r in labels(revise(page(*rows)))] == ["model"] * 3


def test_a_dateline_among_the_first_body_blocks_leaves_the_body() -> None:
    for dateline in (
        "Publié le 3 mars 2026 à 14h05, mis à jour à 16h40",
        "Veröffentlicht am 03.03.2026 um 14:05 Uhr",
    ):
        rows = [(dateline, True, 0.94), (PARA, True, 0.99), (PARA, True, 0.98)]
        assert [r for _, r in labels(revise(page(*rows)))] == ["dateline", "model", "model"]
    opening = "Am 3. März 2026 trafen sich die Räte im Rathaus zu einer langen Sitzung"
    rows = [(opening, True, 0.94), (PARA, True, 0.99), (PARA, True, 0.98)]
    assert [r for _, r in labels(revise(page(*rows)))] == ["model"] * 3


GLUED_CARDS = [
    "Leggi anche Nuovo parcheggio al porto, il Comune apre il bando",  # label in sentence case
    "Lees ook Nieuwe veerboot vaart vanaf maart naar het eiland",
    "Čtěte také Přístav bude do jara uzavřen, lidé ztrácejí trpělivost",
    "Читайте также В порту построят новый причал для паромов",
    "Auch interessant Neue Fähre zwischen Hafen und Insel startet im März",
    "RELATED Pilots warn of fog as the ferry season starts",  # a label in capitals
    "READ MORE: Ferry crews vote to strike over winter rosters",
    "LEIA TAMBÉM: Obras no porto entram na fase final",
    "Citește și Portul se redeschide în primăvară după lucrări",
]


def test_a_label_glued_to_one_headline_between_paragraphs_leaves_the_body() -> None:
    # printed once on the page: no second copy of the headline needed
    for card in GLUED_CARDS:
        for score in (0.6, 0.99):  # sure or not
            out = revise(page((PARA, True, 0.99), (card, True, score), (PARA, True, 0.98)))
            assert labels(out) == [
                ("article", "model"),
                ("boilerplate", "embedded_card"),
                ("article", "model"),
            ], card


GLUED_CARDS_MARKED = [
    # a label in sentence case, a mark, a headline: one for each label family
    "Related: Harbour pilots warn of fog as the ferry season starts",
    "Read more: Ferry crews vote to strike over winter rosters",
    "See also: New timetable for the island ferries from March",
    "Related post: Three ways to cook the catch of the day",
    "Lesen Sie auch: Neue Fähre zwischen Hafen und Insel startet im März",
    "Mehr zum Thema: Stadtwerke erhöhen die Hafengebühren",
    "Czytaj także: Ceny biletów na prom wzrosną od marca",
    "Zobacz również: Nowy terminal promowy otwarty w Gdyni",
    "Przeczytaj też: Radni zdecydowali o budowie nabrzeża",
    "À lire aussi : Les pilotes du port menacent de faire grève",
    "Lire aussi : Le nouveau quai ouvrira au printemps",
    "Lee también: El puerto abrirá un nuevo muelle en primavera",
    "Leggi anche: Nuovo parcheggio al porto, il Comune apre il bando",
    "Leia também: Obras no porto entram na fase final",
    "Lees ook: Nieuwe veerboot vaart vanaf maart naar het eiland",
    "Čtěte také: Přístav bude do jara uzavřen",
    "Читайте также: В порту построят новый причал для паромов",
    "관련기사: 항구에 새 부두 내년 개장",
    "Read more: Why do the island ferries keep running late?",  # a question
    "Related: Council votes to close the old pier.",  # one clause, one sentence
    "(Related: Harbour pilots warn of fog as the ferry season starts)",  # bracketed
    "[Read more: Ferry crews vote to strike over winter rosters]",
    "(Lire aussi : Le nouveau quai ouvrira au printemps)",
]
ZH_PARA = "港口管理局周二宣布，新的客运码头将于明年春天正式投入使用，届时渡轮班次将增加一倍。"
GLUED_CARDS_WIDE = [
    "相关阅读：港口新码头明年春天开放",
    "推荐阅读：渡轮票价下月上涨",
    "延伸阅读：暴雨过后港口恢复通航",
    "関連記事：新しいフェリーが春から運航へ",
    "【相关阅读：港口新码头明年春天开放】",
]


def test_a_marked_label_and_a_headline_between_paragraphs_leave_the_body() -> None:
    for para, cards in ((PARA, GLUED_CARDS_MARKED), (ZH_PARA, GLUED_CARDS_WIDE)):
        for card in cards:
            for score in (0.85, 0.99):  # sure (an unsure short line goes as "short_unsure")
                out = revise(page((para, True, 0.99), (card, True, score), (para, True, 0.98)))
                assert labels(out) == [
                    ("article", "model"),
                    ("boilerplate", "embedded_card"),
                    ("article", "model"),
                ], card


def test_the_story_s_own_lines_that_start_like_a_label_stay() -> None:
    lines = [
        "Related to this, the council will meet again in March",  # a lower-case rest
        "Read more about the plan in our report on the harbour",
        "Recommended Settings For The Harbour Radio",  # a Title Case subheading
        "Most Popular Destinations In The North",
        "Trending Topics Among Ferry Passengers",  # one word: only in capitals
        "Update: Ferry crews vote to strike over winter rosters",  # no related label
        "Analysis: Ferry crews vote to strike over winter rosters",
        "Related: the council's plan was approved on Tuesday",  # a lower-case rest
        "Zobacz również: jak radni głosowali w sprawie nabrzeża",
        "Read more: Pilots warn of fog. Crews wait on the quay.",  # two sentences
        "See also: The council, which met on Tuesday, voted to close the pier.",  # clauses
        'Related: "We will rebuild the quay before the winter"',  # a quotation
        "RELATED Pilots warn of fog. Crews wait on the quay.",  # sentences, no headline
        "READ MORE: Fog at sea",  # too short for a card's headline
        "Read more: 5. Beware the tide at the northern quay",  # a listicle's item
        "Leggi anche Nuovo parcheggio al porto, il Comune apre il bando per tre nuove aree "
        "di sosta lungo il molo e per il nuovo terminal dei traghetti diretti alle isole",
        "(Update: Ferry crews vote to strike over winter rosters)",
    ]
    for line in lines:
        out = revise(page((PARA, True, 0.99), (line, True, 0.95), (PARA, True, 0.98)))
        assert labels(out)[1] == ("article", "model"), line
    wide = "相关阅读：港口新码头明年春天开放。"  # a sentence: no headline in a wide script
    out = revise(page((ZH_PARA, True, 0.99), (wide, True, 0.95), (ZH_PARA, True, 0.98)))
    assert labels(out)[1] == ("article", "model")
    photo = "Photo: Ferry crews vote to strike over winter rosters"  # a caption's credit
    out = revise(page((PARA, True, 0.99), (photo, True, 0.95), (PARA, True, 0.98)))
    assert labels(out)[1] == ("boilerplate", "caption")


def test_a_glued_card_comes_after_a_paragraph_of_the_story() -> None:
    card, marked = GLUED_CARDS[0], GLUED_CARDS_MARKED[0]
    for line in (card, marked):
        at_end = page((PARA, True, 0.99), (PARA, True, 0.98), (line, True, 0.7))
        assert labels(revise(at_end))[2] == ("boilerplate", "embedded_card"), line
        before_a_box = page((PARA, True, 0.99), (line, True, 0.7), ("Newsletter", False, 0.2))
        assert labels(revise(before_a_box))[1] == ("boilerplate", "embedded_card"), line
        heading = page((PARA, True, 0.99), (line, True, 0.9), ("Ferry news", True, 0.9))
        assert labels(revise(heading))[1] == ("boilerplate", "embedded_card"), line
        under_a_heading = page(("Ferry news", True, 0.9), (line, True, 0.9), (PARA, True, 0.98))
        assert labels(revise(under_a_heading))[1] == ("article", "model"), line
        at_start = page((line, True, 0.9), (PARA, True, 0.99), (PARA, True, 0.98))
        assert labels(revise(at_start))[0] == ("article", "model"), line
        after_a_box = page((PARA, True, 0.99), ("Newsletter", False, 0.2), (line, True, 0.7))
        assert labels(revise(after_a_box))[2] == ("article", "model"), line
    two = page((PARA, True, 0.99), (card, True, 0.7), (marked, True, 0.7), (PARA, True, 0.98))
    assert [r for _, r in labels(revise(two))] == [
        "model",
        "embedded_card",
        "embedded_card",
        "model",
    ]


def test_a_copyright_credit_line_ends_the_story_only_when_no_paragraph_follows() -> None:
    signed = [(PARA, True, 0.99), (PARA, True, 0.98), ("abc-xyz/fm", True, 0.85)]
    listed_after = [
        *signed,
        ("© Agence France-Presse", True, 0.64),
        ("Latest dispatches", True, 0.82),
        ("16:12 Football: Lens beat Brest and climb to third", True, 0.55),
    ]
    assert [r for _, r in labels(revise(page(*listed_after)))] == [
        "model",
        "model",
        "caption",
        "caption",
        "story_end",
        "story_end",
    ]
    photo = [  # a photo credit inside the story: the story's prose goes on under it
        (PARA, True, 0.99),
        (PARA, True, 0.98),
        ("Crowds at the quay on Sunday", True, 0.7),
        ("© Fox News", True, 0.6),
        (PARA, True, 0.97),
        ("Latest dispatches", True, 0.82),
    ]
    assert [r for _, r in labels(revise(page(*photo)))] == [
        "model",
        "model",
        "caption",
        "caption",
        "model",
        "model",
    ]


def test_the_author_s_bio_without_a_label_at_the_story_s_end_leaves_the_body() -> None:
    bio = "Ann Lee is a reporter on the harbour desk. She grew up on the island."
    rows = [
        ("By Ann Lee", False, 0.3),
        (PARA, True, 0.99),
        (PARA, True, 0.98),
        (PARA, True, 0.97),
        (bio, True, 0.9),  # sure or not
        ("Newsletter", False, 0.2),
    ]
    assert [r for _, r in labels(revise(page(*rows)))][1:5] == ["model"] * 3 + ["author_bio"]
    german = "Martin Albrecht ist Redakteur im Ressort Meinung. Er wuchs am Meer auf."
    rows_de = [("Ein Essay von Martin Albrecht", False, 0.3), *rows[1:4], (german, True, 0.7)]
    assert labels(revise(page(*rows_de)))[4] == ("boilerplate", "author_bio")
    # the story's own last paragraph that starts with a name the byline does not give, or
    # with the author's name where no byline prints it: it stays
    other = "Tom Berg is the harbour master. He said the quay will open in March."
    assert labels(revise(page(*rows[:4], (other, True, 0.9))))[4] == ("article", "model")
    unsigned = [("Ann Lee", False, 0.3), *rows[1:5]]
    assert labels(revise(page(*unsigned)))[4] == ("article", "model")
    middle = [*rows[:2], (bio, True, 0.9), *rows[2:4]]  # not at the body's end
    assert labels(revise(page(*middle)))[2] == ("article", "model")
