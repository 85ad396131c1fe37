from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from balai.regions.models import UnitKind, VillageUnit

from . import codes
from .models import Family, Person

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


class BootstrapMixin:
    def _style(self):
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


class PersonForm(BootstrapMixin, forms.ModelForm):
    nik = forms.CharField(label=_("NIK"), max_length=20, required=False,
                          help_text=_("16 digit. Kosongkan dan centang “nomor sementara” bila belum punya NIK."))
    temporary = forms.BooleanField(label=_("Belum punya NIK — beri nomor sementara"), required=False)

    class Meta:
        model = Person
        fields = ["name", "sex", "birth_place", "birth_date", "religion", "education", "occupation",
                  "marital_status", "relationship", "family", "rt", "citizenship", "blood_type", "disability",
                  "residence_status", "father_name", "mother_name", "phone", "email"]
        widgets = {"birth_date": DATE}

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.village = village
        self.fields["family"].queryset = Family.objects.filter(village=village).select_related("head").order_by(
            "kk_number")
        self.fields["family"].label_from_instance = lambda f: f"{f.kk_number} — {f.head.name if f.head else ''}"
        self.fields["rt"].queryset = VillageUnit.objects.filter(village=village, kind=UnitKind.RT).select_related(
            "parent", "parent__parent")
        if self.instance.pk:
            self.fields["nik"].initial = self.instance.nik
            del self.fields["temporary"]
        check_url = reverse("registry:nik_check")
        if self.instance.pk:
            check_url += f"?person={self.instance.public_id}"  # its own NIK is not a duplicate
        for name in ("nik", "birth_date", "sex"):
            self.fields[name].widget.attrs.update({
                "hx-get": check_url, "hx-trigger": "input changed delay:400ms, change", "hx-target": "#nik-check",
                "hx-include": "[name=nik],[name=birth_date],[name=sex]"})
        self._style()

    def service_kwargs(self):
        data = dict(self.cleaned_data)
        data.pop("temporary", None)
        data.pop("nik", None)
        return data


class FamilyForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Family
        fields = ["kk_number", "address", "dusun", "rw", "rt"]

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        units = VillageUnit.objects.filter(village=village)
        self.fields["dusun"].queryset = units.filter(kind=UnitKind.DUSUN)
        self.fields["rw"].queryset = units.filter(kind=UnitKind.RW).select_related("parent")
        self.fields["rt"].queryset = units.filter(kind=UnitKind.RT).select_related("parent", "parent__parent")
        self.fields["kk_number"].validators = []
        self._style()

    def validate_unique(self):
        """The service checks uniqueness (with a message an operator understands)."""


class LifeEventForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Peristiwa"), choices=[
        (k.value, k.label) for k in codes.LifeEventKind if k != codes.LifeEventKind.BIRTH])
    date = forms.DateField(label=_("Tanggal peristiwa"), widget=DATE)
    destination = forms.CharField(label=_("Tujuan/asal (untuk pindah)"), max_length=200, required=False)
    note = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()


class BirthForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Nama bayi"), max_length=120)
    sex = forms.TypedChoiceField(label=_("Jenis kelamin"), choices=codes.Sex.choices, coerce=int)
    date = forms.DateField(label=_("Tanggal lahir"), widget=DATE)
    birth_place = forms.CharField(label=_("Tempat lahir"), max_length=80, required=False)
    nik = forms.CharField(label=_("NIK (bila sudah terbit)"), max_length=20, required=False)
    relationship = forms.TypedChoiceField(label=_("Hubungan dalam keluarga"), coerce=int,
                                          choices=[(codes.Relationship.CHILD, codes.Relationship.CHILD.label),
                                                   (codes.Relationship.GRANDCHILD, codes.Relationship.GRANDCHILD.label),
                                                   (codes.Relationship.OTHER_FAMILY,
                                                    codes.Relationship.OTHER_FAMILY.label)])
    father_name = forms.CharField(label=_("Nama ayah"), max_length=120, required=False)
    mother_name = forms.CharField(label=_("Nama ibu"), max_length=120, required=False)
    note = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()


class CitizenLinkForm(BootstrapMixin, forms.Form):
    nik = forms.CharField(label=_("NIK"), max_length=20)
    kk_number = forms.CharField(label=_("Nomor KK"), max_length=20)
    birth_date = forms.DateField(label=_("Tanggal lahir"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()


class WelfareForm(BootstrapMixin, forms.Form):
    decile = forms.TypedChoiceField(label=_("Desil"), coerce=int, choices=[(d, d) for d in range(1, 11)],
                                    help_text=_("1 = kelompok 10 persen termiskin."))
    source = forms.ChoiceField(label=_("Sumber"), choices=codes.WelfareSource.choices)
    date = forms.DateField(label=_("Tanggal data"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()


class HouseholdForm(BootstrapMixin, forms.Form):
    other_kk = forms.CharField(label=_("Nomor KK keluarga serumah"), max_length=20, required=False,
                               help_text=_("16 digit, KK lain di desa ini yang tinggal dalam satu rumah dengan "
                                           "keluarga ini."))
    leave = forms.BooleanField(label=_("Keluarga ini tidak lagi serumah dengan keluarga lain"), required=False)

    def __init__(self, *args, in_household=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not in_household:
            del self.fields["leave"]
        self._style()

    def clean(self):
        data = super().clean()
        if data.get("leave") and data.get("other_kk"):
            raise forms.ValidationError(_("Pilih salah satu: isi nomor KK keluarga serumah, atau centang "
                                          "“tidak lagi serumah”."))
        if not data.get("leave") and not data.get("other_kk"):
            self.add_error("other_kk", _("Isi nomor KK keluarga yang tinggal serumah."))
        return data


class SchoolingForm(BootstrapMixin, forms.Form):
    level = forms.ChoiceField(label=_("Jenjang"), choices=codes.SchoolLevel.choices)
    school = forms.CharField(label=_("Sekolah"), max_length=160, required=False)
    grade = forms.IntegerField(label=_("Kelas"), min_value=1, max_value=12, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=codes.SchoolStatus.choices)
    dropout_reason = forms.CharField(label=_("Alasan putus sekolah"), max_length=200, required=False)
    dropout_date = forms.DateField(label=_("Tanggal putus sekolah"), widget=DATE, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style()
