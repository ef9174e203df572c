import { locations, type MapLocation } from "../api";
import { h, svg } from "../dom";
import { t } from "../i18n";
import { href } from "../router";

const WIDTH = 960;
const HEIGHT = 480;

// Natural Earth (world-atlas, 1:110m) names where they differ from CLDR's English ones.
const NAME_BY_CODE: Record<string, string> = {
  US: "United States of America", CD: "Dem. Rep. Congo", CF: "Central African Rep.", DO: "Dominican Rep.",
  GQ: "Eq. Guinea", BA: "Bosnia and Herz.", SS: "S. Sudan", EH: "W. Sahara", MK: "Macedonia", SZ: "eSwatini",
  CZ: "Czechia", CI: "Côte d'Ivoire", CG: "Congo", PS: "Palestine", KR: "South Korea", KP: "North Korea",
  RU: "Russia", LA: "Laos", VN: "Vietnam", SY: "Syria", IR: "Iran", TZ: "Tanzania", BO: "Bolivia",
  VE: "Venezuela", MD: "Moldova", TW: "Taiwan", BN: "Brunei", SB: "Solomon Is.", FK: "Falkland Is.",
  TL: "Timor-Leste", TR: "Turkey", GB: "United Kingdom", MM: "Myanmar",
};

// Equirectangular: simple, and honest enough for "where is this" at world scale.
const project = ([longitude, latitude]: number[]) => [((longitude + 180) / 360) * WIDTH, ((90 - latitude) / 180) * HEIGHT];

function pathOf(geometry: GeoJSON.Geometry | null): string {
  if (!geometry) return "";
  const rings: number[][][] =
    geometry.type === "Polygon" ? geometry.coordinates : geometry.type === "MultiPolygon" ? geometry.coordinates.flat() : [];
  // A ring that crosses the antimeridian is cut there instead of drawn across the world.
  return rings
    .map((ring) => {
      let crossed = false;
      const d = ring
        .map((point, i) => {
          const jump = i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180;
          crossed ||= jump;
          return (i === 0 || jump ? "M" : "L") + project(point).map((v) => v.toFixed(1)).join(",");
        })
        .join("");
      return crossed ? d : d + "Z";
    })
    .join("");
}

// The world (shipped in the build: no tile server), countries named by
// locations shaded, locations with coordinates as dots.
export async function mapView(): Promise<HTMLElement> {
  const [{ feature }, world, data] = await Promise.all([
    import("topojson-client"),
    import("world-atlas/countries-110m.json"),
    locations(),
  ]);
  const topology = world.default as unknown as Parameters<typeof feature>[0];
  const countries = feature(topology, (topology.objects as Record<string, never>).countries) as unknown as GeoJSON.FeatureCollection;
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const shaded = new Map<string, MapLocation[]>();
  for (const location of data.locations) {
    if (!location.country) continue;
    const code = location.country.toUpperCase();
    let name: string | undefined = NAME_BY_CODE[code];
    try {
      name ??= english.of(code);
    } catch {
      continue; // not a region code
    }
    if (!name) continue;
    shaded.set(name, [...(shaded.get(name) ?? []), location]);
  }

  const picture = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "world", role: "group", "aria-label": t("map") });
  for (const country of countries.features) {
    const name = String(country.properties?.name ?? "");
    const path = svg("path", { d: pathOf(country.geometry), class: shaded.has(name) ? "country named" : "country" });
    const title = svg("title", {});
    title.textContent = name;
    path.append(title);
    picture.append(path);
  }
  for (const location of data.locations) {
    if (location.latitude === undefined || location.longitude === undefined) continue;
    const [x, y] = project([location.longitude, location.latitude]);
    const link = svg("a", { href: href("object", location.id), class: "place" });
    link.append(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5 }));
    const label = svg("text", { x: (x + 5).toFixed(1), y: (y - 4).toFixed(1) });
    label.textContent = location.name ?? "";
    link.append(label);
    picture.append(link);
  }
  return h(
    "main",
    { id: "main", class: "map" },
    h("h1", {}, t("map")),
    h("p", { class: "note" }, t("mapHelp")),
    h("div", { class: "map-frame", dir: "ltr" }, picture),
    data.truncated ? h("p", { class: "note" }, t("truncated")) : null,
    h(
      "ul",
      { id: "location-list", class: "columns" },
      ...data.locations.map((location) =>
        h(
          "li",
          {},
          h("a", { href: href("object", location.id), dir: "auto" }, location.name ?? location.id),
          location.country ? h("span", { class: "type", dir: "ltr" }, " " + location.country) : null,
          location.latitude !== undefined ? h("span", { class: "type", dir: "ltr" }, ` ${location.latitude.toFixed(2)}, ${location.longitude?.toFixed(2)}`) : null,
        ),
      ),
    ),
  );
}
