from django import forms
from django.utils.translation import gettext_lazy as _

from .models import UnitKind, VillageUnit


class VillageUnitForm(forms.ModelForm):
    class Meta:
        model = VillageUnit
        fields = ["kind", "parent", "name", "head_name"]
        widgets = {
            "kind": forms.Select(attrs={"class": "form-select"}),
            "parent": forms.Select(attrs={"class": "form-select"}),
            "name": forms.TextInput(attrs={"class": "form-control", "placeholder": _("mis. Krajan atau 001")}),
            "head_name": forms.TextInput(attrs={"class": "form-control"}),
        }

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.village = village
        self.fields["parent"].queryset = VillageUnit.objects.filter(village=village).exclude(kind=UnitKind.RT)
        self.fields["parent"].required = False
        self.fields["parent"].label = _("Berada di bawah")
