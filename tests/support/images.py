"""Real image files made with Pillow for tests: plain JPEG/PNG, and photos with GPS and capture time in
their EXIF (as a phone writes them: degrees, minutes, seconds as rationals with N/S/E/W refs)."""

import io
from fractions import Fraction

from PIL import Image
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational


def image_bytes(fmt: str = "JPEG", size=(2, 2), color=(200, 120, 40), exif=None) -> bytes:
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, fmt, **options)
    return buffer.getvalue()


def _rational(value):
    fraction = Fraction(str(value)).limit_denominator(1_000_000)  # 10.8 -> 54/5, as a camera writes it
    return IFDRational(fraction.numerator, fraction.denominator)


def photo_with_gps(lat=None, lat_ref="S", lng=None, lng_ref="E", taken=None, offset=None, altitude=None) -> bytes:
    """A JPEG whose EXIF carries ``lat``/``lng`` as (degrees, minutes, seconds) and ``taken`` as
    DateTimeOriginal ("2026:11:10 09:30:15"); leave any of them None to leave the tag out."""
    exif = Image.Exif()
    exif[Base.Make] = "Balai test camera"
    if taken is not None:
        exif_ifd = exif.get_ifd(IFD.Exif)
        exif_ifd[Base.DateTimeOriginal] = taken
        if offset is not None:
            exif_ifd[Base.OffsetTimeOriginal] = offset
    if lat is not None or lng is not None:
        gps = exif.get_ifd(IFD.GPSInfo)
        gps[GPS.GPSVersionID] = b"\x02\x03\x00\x00"
        if lat is not None:
            gps[GPS.GPSLatitudeRef] = lat_ref
            gps[GPS.GPSLatitude] = tuple(_rational(part) for part in lat)
        if lng is not None:
            gps[GPS.GPSLongitudeRef] = lng_ref
            gps[GPS.GPSLongitude] = tuple(_rational(part) for part in lng)
        if altitude is not None:
            gps[GPS.GPSAltitudeRef] = b"\x00"
            gps[GPS.GPSAltitude] = _rational(altitude)
    return image_bytes("JPEG", size=(8, 6), exif=exif)
