from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.views import APIView

from balai.core.access import PUBLIC
from balai.core.throttling import PublicThrottle

from . import permissions as perms


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


class TokenView(ObtainAuthToken):
    """Exchange a user name and password for an API token (integrations)."""

    access = PUBLIC
    throttle_classes = [PublicThrottle]
