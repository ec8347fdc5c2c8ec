import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { CareerMapLayout } from "./career-map.schemas";

/*
 * The career-map picture's layout, computed on the server by ELK (Eclipse Layout Kernel): layered,
 * left → right, each job family a compound node holding its roles, paths routed orthogonally
 * across families. Running it here keeps elkjs (~480 kB gzip) out of the browser. No database:
 * the queries pass the graph in.
 */

export type LayoutGraph = {
  families: readonly { id: number }[];
  roles: readonly { id: number; familyId: number }[];
  paths: readonly { id: number; fromRoleId: number; toRoleId: number }[];
};

/** Every role is drawn the same size, so the layout does not depend on the language shown. */
export const roleNodeSize = { width: 184, height: 56 } as const;
/** Room above a family's roles for its name (large enough to read on the whole-map view). */
const familyLabelHeight = 44;

const familyKey = (id: number) => `family:${id}`;
const roleKey = (id: number) => `role:${id}`;
const pathKey = (id: number) => `path:${id}`;
const round = (value: number | undefined) => Math.round((value ?? 0) * 10) / 10;

const rootOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  // One layering across families, so a path from a CS role to a sales role still reads left → right.
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  // Paths that leave one role (or reach one) share a trunk: 81 paths, most of them from three CS
  // roles, stay readable instead of becoming a fan of parallel lines.
  "elk.layered.mergeEdges": "true",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  // Keep the career map's own order (CS first) where the layering allows it: a stable picture.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.spacing.nodeNodeBetweenLayers": "48",
  "elk.spacing.nodeNode": "20",
  "elk.spacing.edgeNode": "12",
  "elk.spacing.edgeEdge": "8",
  // Absolute coordinates for every shape and edge: the client needs no parent arithmetic.
  "elk.json.shapeCoords": "ROOT",
  "elk.json.edgeCoords": "ROOT",
};

async function compute(graph: LayoutGraph): Promise<CareerMapLayout> {
  const familyIds = new Set(graph.families.map((family) => family.id));
  const roleIds = new Set(graph.roles.filter((role) => familyIds.has(role.familyId)).map((role) => role.id));
  const root: ElkNode = {
    id: "root",
    layoutOptions: rootOptions,
    children: graph.families.map((family) => ({
      id: familyKey(family.id),
      layoutOptions: { "elk.padding": `[top=${familyLabelHeight},left=12,bottom=12,right=12]` },
      children: graph.roles
        .filter((role) => role.familyId === family.id)
        .map((role) => ({ id: roleKey(role.id), width: roleNodeSize.width, height: roleNodeSize.height })),
    })),
    edges: graph.paths
      .filter((path) => roleIds.has(path.fromRoleId) && roleIds.has(path.toRoleId) && path.fromRoleId !== path.toRoleId)
      .map((path): ElkExtendedEdge => ({ id: pathKey(path.id), sources: [roleKey(path.fromRoleId)], targets: [roleKey(path.toRoleId)] })),
  };
  const laidOut = await new ELK().layout(root);

  const families: CareerMapLayout["families"] = [];
  const roles: CareerMapLayout["roles"] = [];
  for (const family of laidOut.children ?? []) {
    families.push({
      familyId: Number(family.id.slice("family:".length)),
      x: round(family.x),
      y: round(family.y),
      width: round(family.width),
      height: round(family.height),
    });
    for (const role of family.children ?? []) roles.push({ roleId: Number(role.id.slice("role:".length)), x: round(role.x), y: round(role.y) });
  }
  const paths: CareerMapLayout["paths"] = (laidOut.edges ?? []).map((edge) => {
    const section = (edge as ElkExtendedEdge).sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    return { pathId: Number(edge.id.slice("path:".length)), points: points.map((point) => ({ x: round(point.x), y: round(point.y) })) };
  });
  return { width: round(laidOut.width), height: round(laidOut.height), node: roleNodeSize, families, roles, paths };
}

/*
 * The map changes only when an admin edits it, but the layout takes 150–500 ms: keep the last few
 * results, keyed by the graph itself, so a request pays for it only after the map has changed.
 */
const cache = new Map<string, Promise<CareerMapLayout>>();
const cacheLimit = 4;

/** Lays out the career map (memoised per distinct graph). */
export function layoutCareerMap(graph: LayoutGraph): Promise<CareerMapLayout> {
  const key = JSON.stringify([
    graph.families.map((family) => family.id),
    graph.roles.map((role) => [role.id, role.familyId]),
    graph.paths.map((path) => [path.id, path.fromRoleId, path.toRoleId]),
  ]);
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  const layout = compute(graph);
  cache.set(key, layout);
  // A failed layout is not remembered: the next request tries again.
  layout.catch(() => cache.delete(key));
  return layout;
}
