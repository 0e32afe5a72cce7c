"""GX's Data Docs templates compiled once per process (assets/quality/gx_context.compile_templates_once):
the same pages, each template compiled once, a changed template or setting compiled anew, and GX left
alone where its internals are not what the wrapper expects."""
from __future__ import annotations

import jinja2
import pytest

from assets.quality import gx_context


def _doc() -> dict:
    from great_expectations.render import RenderedBulletListContent, RenderedStringTemplateContent

    items = [RenderedStringTemplateContent(string_template={"template": "$x & <y>", "params": {"x": "a<b"}}), "plain"]
    block = RenderedBulletListContent(bullet_list=items, header="Head").to_json_dict()
    return {"content_block": block, "section_loop": {"index": 1}, "content_block_loop": {"index": 2}}


def test_gx_views_compile_each_template_once_and_render_the_same():
    gx_context.gx_setup.load()
    from great_expectations.render.view.view import DefaultJinjaComponentView, DefaultJinjaView

    assert gx_context.compile_templates_once() is True
    assert gx_context.compile_templates_once() is True  # wrapped once, not twice
    assert getattr(DefaultJinjaView.__init__, "_compiles_once", False)
    assert not getattr(DefaultJinjaView.__init__.__wrapped__, "_compiles_once", False)

    plain = DefaultJinjaComponentView()
    assert plain.env.bytecode_cache is gx_context._TEMPLATES
    plain.env.bytecode_cache = None  # as GX does it without the wrapper: compiled here
    expected = plain.render(_doc())
    assert "a&lt;b" in expected and "<li >plain</li>" in expected

    first = DefaultJinjaComponentView().render(_doc())
    compiled = gx_context._TEMPLATES.compiled
    assert compiled >= 1  # now, or by an earlier Data Docs build of this process
    again = DefaultJinjaComponentView()  # a new Environment, as each Data Docs build makes
    assert again.render(_doc()) == first == expected
    assert gx_context._TEMPLATES.compiled == compiled  # nothing compiled again


class _View:
    """A view like GX's: a new Environment per instance, its own loader and settings."""

    def __init__(self, templates: dict, autoescape: bool = True):
        self.env = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=autoescape)

    def render(self, name: str, **kw) -> str:
        return self.env.get_template(name).render(**kw)


def _fresh(monkeypatch) -> type:
    monkeypatch.setattr(gx_context, "_TEMPLATES", None)
    cls = type("View", (_View,), {"__init__": _View.__init__})
    assert gx_context.compile_templates_once(cls) is True
    return cls


def test_a_changed_template_or_setting_is_compiled_anew(monkeypatch):
    View = _fresh(monkeypatch)
    assert View({"t": "<{{ x }}>"}).render("t", x="&") == "<&amp;>"
    assert View({"t": "<{{ x }}>"}).render("t", x="&") == "<&amp;>"
    assert gx_context._TEMPLATES.compiled == 1
    assert View({"t": "[{{ x }}]"}).render("t", x="&") == "[&amp;]"  # another source: not the cached code
    assert View({"t": "[{{ x }}]"}, autoescape=False).render("t", x="&") == "[&]"  # another setting
    assert View({"u": "[{{ x }}]"}).render("u", x="&") == "[&amp;]"
    assert gx_context._TEMPLATES.compiled == 4


def test_gx_internals_not_as_expected_are_left_alone(monkeypatch):
    monkeypatch.setattr(gx_context, "_TEMPLATES", None)

    class NoEnv:
        def __init__(self, x):
            self.x = x

    class NotJinja:
        def __init__(self):
            self.env = {"loader": "something else"}

    class OwnCache(_View):
        def __init__(self, templates):
            super().__init__(templates)
            self.env.bytecode_cache = own

    class NoInit:
        pass

    own = jinja2.bccache.FileSystemBytecodeCache  # a marker: kept as it is, not replaced
    assert gx_context.compile_templates_once(NoInit) is False and "__init__" not in NoInit.__dict__
    for cls in (NoEnv, NotJinja, OwnCache):
        assert gx_context.compile_templates_once(cls) is True
    assert NoEnv(3).x == 3
    assert NotJinja().env == {"loader": "something else"}
    assert OwnCache({"t": "{{ 1 + 1 }}"}).env.bytecode_cache is own

    class Broken(_View):  # an Environment the signature cannot read: compiled each time, not kept
        def __init__(self, templates):
            super().__init__(templates)
            self.env.filters[0] = str  # names that do not sort

    assert gx_context.compile_templates_once(Broken) is True
    assert Broken({"t": "{{ 2 * 3 }}"}).render("t") == "6"
    assert Broken({"t": "{{ 2 * 3 }}"}).render("t") == "6"
    assert gx_context._TEMPLATES.codes == {}


def test_without_great_expectations_nothing_is_wrapped(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_gx(name, *args, **kwargs):
        if name.startswith("great_expectations"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_gx)
    assert gx_context.compile_templates_once() is False
