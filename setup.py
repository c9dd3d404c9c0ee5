"""The optional compiled forest walk (newsdump/_trees.c); everything else is in pyproject.toml.

`optional=True`: without a C compiler or Python's headers the install still succeeds, and
newsdump.model walks the trees with numpy instead (the same scores, about 3x slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("newsdump._trees", ["newsdump/_trees.c"], optional=True),
        Extension("newsdump._features", ["newsdump/_features.c"], optional=True),
    ]
)
