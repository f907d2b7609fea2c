import pytest

from smsdesk.app import Services
from smsdesk.services.templates import TemplateError


def test_save_load_rename_delete(services: Services):
    templates = services.templates
    assert templates.list() == []
    templates.save("Relance", "Bonjour {name}, votre RDV est demain.")
    templates.save("Soldes", "-50% ce week-end", commercial=True)
    assert [t.name for t in templates.list()] == ["Relance", "Soldes"]
    assert templates.get("Soldes").commercial
    saved = templates.save("Relance", "Nouveau texte")  # same name: overwritten
    assert saved.body == "Nouveau texte"
    assert len(templates.list()) == 2
    renamed = templates.rename("Relance", "  Rappel   RDV ")
    assert renamed.name == "Rappel RDV"
    assert templates.get("Rappel RDV").body == "Nouveau texte"
    with pytest.raises(TemplateError, match="already exists"):
        templates.rename("Rappel RDV", "Soldes")
    templates.delete("Soldes")
    assert [t.name for t in templates.list()] == ["Rappel RDV"]


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [("", "x", "needs a name"), ("a", "  ", "message is empty"), ("a" * 201, "x", "at most")],
)
def test_bad_templates_are_refused(services: Services, name, body, reason):
    with pytest.raises(TemplateError, match=reason):
        services.templates.save(name, body)
    assert services.templates.list() == []


def test_missing_template(services: Services):
    for call in (
        lambda: services.templates.get("x"),
        lambda: services.templates.rename("x", "y"),
        lambda: services.templates.delete("x"),
    ):
        with pytest.raises(TemplateError, match="no template named 'x'"):
            call()
