"use client";

/** Server state of the Demo catalog page (react-query over /api/demo-catalog). */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api";
import type { CatalogBlueprint, CatalogEntityPage } from "@/lib/simulators/port/catalog";

export type { CatalogBlueprint, CatalogEntityPage, CatalogEntityRow } from "@/lib/simulators/port/catalog";

const qs = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== "")).toString();

export function useCatalogBlueprints() {
  return useQuery({
    queryKey: ["demo-catalog", "blueprints"],
    queryFn: () => apiFetch<{ blueprints: CatalogBlueprint[] }>("/api/demo-catalog").then((r) => r.blueprints),
  });
}

export function useCatalogEntities(blueprint: string | undefined, search: string) {
  return useInfiniteQuery({
    queryKey: ["demo-catalog", "entities", blueprint, search],
    enabled: Boolean(blueprint),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => apiFetch<CatalogEntityPage>(`/api/demo-catalog/entities?${qs({ blueprint, search, after: pageParam, limit: "50" })}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useCatalogEntity(blueprint: string | undefined, identifier: string | undefined) {
  return useQuery({
    queryKey: ["demo-catalog", "entity", blueprint, identifier],
    enabled: Boolean(blueprint && identifier),
    queryFn: () => apiFetch<{ entity: unknown }>(`/api/demo-catalog/entity?${qs({ blueprint, identifier })}`).then((r) => r.entity),
  });
}

export function useCatalogBlueprintJson(identifier: string | undefined) {
  return useQuery({
    queryKey: ["demo-catalog", "blueprint", identifier],
    enabled: Boolean(identifier),
    queryFn: () => apiFetch<{ blueprint: unknown }>(`/api/demo-catalog/blueprint?${qs({ identifier })}`).then((r) => r.blueprint),
  });
}
