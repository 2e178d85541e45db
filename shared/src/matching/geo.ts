/**
 * Great-circle distances and the lower bound the spatial grid prunes with. Both use the
 * haversine form hav(d/R) = hav(Δφ) + cos φ1 · cos φ2 · hav(Δλ), so the bound is a plain
 * inequality between the same terms, not an approximation.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

export const DEG = Math.PI / 180;

/** Distance in km between two points given in radians, with cos φ of each precomputed. */
export function haversineKm(
  lat1: number,
  lng1: number,
  cosLat1: number,
  lat2: number,
  lng2: number,
  cosLat2: number,
): number {
  const sLat = Math.sin((lat2 - lat1) / 2);
  const sLng = Math.sin((lng2 - lng1) / 2);
  const a = sLat * sLat + cosLat1 * cosLat2 * sLng * sLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
}

/** Distance in km between two points in degrees. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  return haversineKm(
    a.lat * DEG,
    a.lng * DEG,
    Math.cos(a.lat * DEG),
    b.lat * DEG,
    b.lng * DEG,
    Math.cos(b.lat * DEG),
  );
}

/** Below any rounding of the distance computation (1 mm); subtracted from every lower bound. */
const BOUND_SLACK_KM = 1e-6;

/**
 * A lower bound of the distance from a point (radians, cos φ given) to any point of the box
 * [latMin, latMax] × [lngMin, lngMax] (radians, within ±90° and less than 180° apart).
 * For a point q in the box: |Δφ| ≥ the latitude gap, |Δλ| ≥ the longitude gap, and cos φq ≥
 * min(cos latMin, cos latMax) (cos falls with |φ|); hav and asin are increasing, so each term of
 * hav(d/R) is at least its value at the gaps.
 */
export function minDistanceToBoxKm(
  lat: number,
  lng: number,
  cosLat: number,
  latMin: number,
  latMax: number,
  lngMin: number,
  lngMax: number,
): number {
  const gapLat = lat < latMin ? latMin - lat : lat > latMax ? lat - latMax : 0;
  const gapLng = lng < lngMin ? lngMin - lng : lng > lngMax ? lng - lngMax : 0;
  if (gapLat === 0 && gapLng === 0) return 0;
  const cosBox = Math.min(Math.cos(latMin), Math.cos(latMax));
  const sLat = Math.sin(gapLat / 2);
  const sLng = Math.sin(gapLng / 2);
  const a = sLat * sLat + cosLat * cosBox * sLng * sLng;
  const d = 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, a)));
  return Math.max(0, d - BOUND_SLACK_KM);
}
