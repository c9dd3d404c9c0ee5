"""The optional compiled parts; everything else is in pyproject.toml.

newsdump/_trees.c walks the forests (newsdump.model); newsdump/_features.c computes the block and
score features (newsdump.features) and glues the lines into blocks (newsdump.segment);
newsdump/_headline.c computes the headline ranker's rows and walks its trees (newsdump.headline);
newsdump/_feed.c counts the words and digits of every line for newsdump.feed and newsdump.records;
newsdump/_revise.c reads the labelled blocks once for newsdump.revise (texts, word counts, facts);
newsdump/_io.c counts the control bytes the readers look for and the words of a record's text;
newsdump/_byline.c runs the byline's ASCII scans (newsdump.article: names, the author box, the
lines a byline may stand on); newsdump/_dates.c finds the printed dates (newsdump.dates).
`optional=True`: without a C compiler or Python's headers the install still succeeds, and the
same modules run their numpy / pure-Python paths instead (the same floats and blocks, slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "newsdump._trees",
            ["newsdump/_trees.c"],
            depends=["newsdump/_pairwise.h"],
            optional=True,
        ),
        Extension(
            "newsdump._features",
            ["newsdump/_features.c"],
            depends=["newsdump/_lower.h", "newsdump/_pairwise.h"],
            optional=True,
        ),
        Extension(
            "newsdump._headline",
            ["newsdump/_headline.c"],
            depends=["newsdump/_lower.h"],
            libraries=["m"],  # log()
            optional=True,
        ),
        Extension(
            "newsdump._feed", ["newsdump/_feed.c"], depends=["newsdump/_lower.h"], optional=True
        ),
        Extension("newsdump._revise", ["newsdump/_revise.c"], optional=True),
        Extension("newsdump._io", ["newsdump/_io.c"], optional=True),
        Extension("newsdump._byline", ["newsdump/_byline.c"], optional=True),
        Extension("newsdump._dates", ["newsdump/_dates.c"], optional=True),
    ]
)
