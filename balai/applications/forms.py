"""Forms of the applications app.

``SurveyForm`` is the one SKM questionnaire (PermenPAN-RB 14/2017: nine elements on the 1–4 scale and a
comment) for every page that asks it: the survey of a finished application, the hall's survey kiosk
and the queue ticket's survey (``balai.queues``). It describes the questions and reads the answers;
it does not judge them: ``feedback.survey_submit`` holds the rules and their messages, so every page
refuses the same answers with the same words.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SKM_ELEMENTS, SKM_SCALE


class SurveyForm(forms.Form):
    comment = forms.CharField(label=_("Saran"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2, "class": "form-control", "maxlength": 2000}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in SKM_ELEMENTS:
            # Not required here: a missing or out-of-scale answer is refused by survey_submit, with its message.
            self.fields[key] = forms.TypedChoiceField(label=label, choices=SKM_SCALE, coerce=int, required=False,
                                                      widget=forms.RadioSelect)
        self.order_fields([key for key, _label in SKM_ELEMENTS] + ["comment"])

    def element_fields(self):
        return [self[key] for key, _label in SKM_ELEMENTS]

    def answers(self) -> dict:
        """The submitted answers as ``survey_submit`` takes them: ``scores`` (element -> raw value) and ``comment``."""
        return {"scores": {key: self.data.get(key) for key, _label in SKM_ELEMENTS},
                "comment": self.data.get("comment", "")}
