from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.core.access import PUBLIC
from balai.core.throttling import PublicThrottle

from . import permissions as perms
from .otp import code_wait_message, confirmed_device


class MembershipSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    office = serializers.CharField(source="office.code")
    office_name = serializers.CharField(source="office.name")
    region = serializers.CharField(source="office.region_id")
    role = serializers.CharField()


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField(source="display_name")
    kind = serializers.CharField()
    memberships = MembershipSerializer(many=True)


class MeView(APIView):
    """The signed-in user and their memberships."""

    access = perms.authenticated

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        user = request.user
        data = {"username": user.username, "display_name": user.display_name(), "kind": user.kind,
                "memberships": [m for m in user.memberships.select_related("office") if m.is_active]}
        return Response(MeSerializer(data).data)


class TokenRequest(AuthTokenSerializer):
    # The user model's limit, checked before authenticate() (see LoginForm.username).
    username = serializers.CharField(max_length=150, write_only=True, error_messages={
        "max_length": _("Nama pengguna paling banyak 150 karakter.")})
    otp = serializers.CharField(required=False, allow_blank=True, max_length=6,
                                help_text="Kode 6 angka dari aplikasi autentikator (akun dengan verifikasi dua langkah)")


class TokenView(ObtainAuthToken):
    """Exchange a user name and password for an API token (integrations). A user who set up
    two-step verification also gives the current code (``otp``), as the login page asks for it."""

    access = PUBLIC
    throttle_classes = [PublicThrottle]
    serializer_class = TokenRequest

    @extend_schema(request=TokenRequest,
                   responses={200: inline_serializer("TokenAnswer", {"token": serializers.CharField()})})
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        device = confirmed_device(user)
        if device is not None:
            wait = code_wait_message(device)
            if wait:
                return Response({"otp": [wait]}, status=status.HTTP_429_TOO_MANY_REQUESTS)
            code = serializer.validated_data.get("otp", "")
            if not code or not device.verify_token(code):  # a missing code is no wrong code (no back-off)
                return Response({"otp": [_("Akun ini memakai verifikasi dua langkah: kirim kode 6 angka yang "
                                           "berlaku dari aplikasi autentikator (otp).")]},
                                status=status.HTTP_400_BAD_REQUEST)
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
