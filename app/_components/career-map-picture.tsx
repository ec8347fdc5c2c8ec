"use client";

import "@xyflow/react/dist/style.css";
import {
  BaseEdge,
  type Edge,
  type EdgeProps,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import type { CareerMapLayout } from "@/server/services/career-map/career-map.schemas";
import { type PathKind, pathStyles, pictureControlClass, pictureControls, pictureControlsRowClass, pictureHeightClass } from "./career-map-styles";

export type PictureRole = {
  id: number;
  slug: string;
  name: string;
  trackLabel: string;
  isCurrent: boolean;
  isWillTarget: boolean;
};

type Props = {
  layout: CareerMapLayout;
  families: { id: number; name: string }[];
  roles: PictureRole[];
  paths: { id: number; fromRoleId: number; toRoleId: number; kind: PathKind }[];
  currentLevel: number;
};

type RoleNodeData = PictureRole & { width: number; height: number; currentLevel: number };
type FamilyNodeData = { name: string; width: number; height: number };
type RoleNode = Node<RoleNodeData, "role">;
type FamilyNode = Node<FamilyNodeData, "family">;
type PathEdge = Edge<{ points: { x: number; y: number }[] }, "path">;

const hiddenHandle = { opacity: 0, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

function RoleNodeView({ data }: NodeProps<RoleNode>) {
  const t = useTranslations("careerMap");
  const tone = data.isCurrent
    ? "border-brand-700 bg-brand-700 text-white ring-4 ring-brand-100"
    : data.isWillTarget
      ? "border-amber-600 border-dashed bg-amber-50 text-slate-900"
      : "border-slate-300 bg-white text-slate-900 hover:border-brand-600";
  return (
    <div
      style={{ width: data.width, height: data.height }}
      className={`relative flex cursor-pointer flex-col justify-center rounded-md border-2 px-2 leading-tight shadow-sm ${tone}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={hiddenHandle} />
      <span className="line-clamp-2 text-[13px] font-semibold">{data.name}</span>
      <span className={`text-[11px] ${data.isCurrent ? "text-brand-50" : "text-slate-600"}`}>{data.trackLabel}</span>
      {data.isCurrent || data.isWillTarget ? (
        <span className="absolute -top-3 right-2 flex gap-1">
          {data.isCurrent ? (
            <span className="rounded-full bg-white px-2 text-[11px] font-bold text-brand-800 shadow">{t("youAreHereLevel", { level: data.currentLevel })}</span>
          ) : null}
          {data.isWillTarget ? <span className="rounded-full bg-amber-600 px-2 text-[11px] font-bold text-white shadow">★ {t("willTarget")}</span> : null}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} style={hiddenHandle} />
    </div>
  );
}

function FamilyNodeView({ data }: NodeProps<FamilyNode>) {
  return (
    <div style={{ width: data.width, height: data.height }} className="rounded-lg border border-slate-300 bg-slate-100/70">
      <span className="block px-3 pt-2 text-lg font-bold text-slate-700">{data.name}</span>
    </div>
  );
}

/** Draws the route ELK computed (orthogonal, around other roles) instead of a straight curve. */
function PathEdgeView({ data, sourceX, sourceY, targetX, targetY, markerEnd, style }: EdgeProps<PathEdge>) {
  const points = data?.points ?? [];
  const path =
    points.length >= 2 ? `M ${points.map((point) => `${point.x},${point.y}`).join(" L ")}` : `M ${sourceX},${sourceY} L ${targetX},${targetY}`;
  return <BaseEdge path={path} markerEnd={markerEnd} style={style} />;
}

// Module scope: React Flow warns when these objects change between renders.
const nodeTypes = { role: RoleNodeView, family: FamilyNodeView };
const edgeTypes = { path: PathEdgeView };

function Picture({ layout, families, roles, paths, currentLevel }: Props) {
  const t = useTranslations("careerMap");
  const router = useRouter();
  const flow = useReactFlow();

  const { nodes, edges, currentRoleId } = useMemo(() => {
    const familyBoxes = new Map(layout.families.map((box) => [box.familyId, box]));
    const rolePlaces = new Map(layout.roles.map((place) => [place.roleId, place]));
    const routes = new Map(layout.paths.map((route) => [route.pathId, route.points]));
    const current = roles.find((role) => role.isCurrent)?.id ?? null;
    const familyNodes: FamilyNode[] = families.flatMap((family) => {
      const box = familyBoxes.get(family.id);
      if (!box) return [];
      return [
        {
          id: `family-${family.id}`,
          type: "family",
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          data: { name: family.name, width: box.width, height: box.height },
          // Behind the paths, which cross family boxes.
          zIndex: -1,
          selectable: false,
        },
      ];
    });
    const roleNodes: RoleNode[] = roles.flatMap((role) => {
      const place = rolePlaces.get(role.id);
      if (!place) return [];
      return [
        {
          id: `role-${role.id}`,
          type: "role",
          position: { x: place.x, y: place.y },
          width: layout.node.width,
          height: layout.node.height,
          data: { ...role, width: layout.node.width, height: layout.node.height, currentLevel },
          zIndex: 2,
        },
      ];
    });
    const pathEdges: PathEdge[] = paths.map((path) => {
      const look = pathStyles[path.kind];
      // Paths from where the person stands are the ones that matter to them: drawn in full.
      const fromHere = path.fromRoleId === current;
      return {
        id: `path-${path.id}`,
        type: "path",
        source: `role-${path.fromRoleId}`,
        target: `role-${path.toRoleId}`,
        data: { points: routes.get(path.id) ?? [] },
        markerEnd: { type: MarkerType.ArrowClosed, color: look.stroke, width: 16, height: 16 },
        style: {
          stroke: look.stroke,
          strokeWidth: fromHere ? look.width + 1 : look.width,
          strokeDasharray: look.dash,
          strokeLinecap: "round",
          opacity: current === null || fromHere ? 1 : 0.45,
        },
        // Over the other paths, under the roles.
        zIndex: fromHere ? 1 : 0,
      };
    });
    return { nodes: [...familyNodes, ...roleNodes], edges: pathEdges, currentRoleId: current };
  }, [layout, families, roles, paths, currentLevel]);

  const actions: Record<(typeof pictureControls)[number], (() => void) | null> = {
    zoomIn: () => void flow.zoomIn({ duration: 200 }),
    zoomOut: () => void flow.zoomOut({ duration: 200 }),
    fitView: () => void flow.fitView({ padding: 0.04, duration: 300 }),
    focusMe: currentRoleId === null ? null : () => void flow.fitView({ nodes: [{ id: `role-${currentRoleId}` }], maxZoom: 1, duration: 300 }),
  };

  return (
    <div>
      <div role="group" aria-label={t("controls")} className={pictureControlsRowClass}>
        {pictureControls.map((control) => {
          const action = actions[control];
          return action ? (
            <button key={control} type="button" className={pictureControlClass} onClick={action}>
              {t(control)}
            </button>
          ) : null;
        })}
      </div>
      {/*
        The picture is for pointer users and hidden from assistive technology: nothing in it takes
        focus, and the page renders the same roles and paths as a list of links beside it.
      */}
      <div aria-hidden="true" className={`${pictureHeightClass} w-full overflow-hidden rounded-lg border border-slate-200 bg-white`}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={(_event, node) => {
            if (node.type === "role") router.push(`/career-map/${(node as RoleNode).data.slug}`);
          }}
          fitView
          fitViewOptions={{ padding: 0.04 }}
          minZoom={0.15}
          maxZoom={1.75}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnScroll={false}
          zoomOnDoubleClick={false}
          panOnScroll={false}
          preventScrolling={false}
          // The attribution link moves to the page's credits line: a link inside an aria-hidden
          // region would be a focusable element hidden from screen readers.
          proOptions={{ hideAttribution: true }}
        />
      </div>
    </div>
  );
}

/** The career map as a picture (React Flow), positioned by the server's ELK layout. */
export function CareerMapPicture(props: Props) {
  return (
    <ReactFlowProvider>
      <Picture {...props} />
    </ReactFlowProvider>
  );
}
