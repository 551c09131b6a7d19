"use client";

import type { PreviewEntity, ResourcePreview } from "./preview-run";
import { cellText, detailJson } from "./preview-words";
import styles from "./mapping.module.css";

/** One entity's JSON (as Port receives it) beside the Graph item it came from. */
export function EntityDetail({ resource, entity }: { resource: ResourcePreview; entity: PreviewEntity }) {
  const item = resource.pageItems[entity.page]?.[entity.index];
  const params = resource.pagePathParams[entity.page];
  return (
    <div className={styles.detail} data-testid="entity-detail">
      <div>
        <h4>Entity</h4>
        <pre className={styles.json} data-testid="entity-json">
          {detailJson(entity.entity)}
        </pre>
      </div>
      <div>
        <h4>
          Source item (page {entity.page + 1}, item {entity.index + 1}
          {entity.subIndex !== undefined ? `, element ${entity.subIndex + 1}` : ""})
        </h4>
        {params && (
          <p className="muted" style={{ margin: "0 0 4px", fontSize: 12 }}>
            Injected: {cellText(Object.entries(params).map(([k, v]) => `__${k} = ${v}`).join(", "), 2_000)}
          </p>
        )}
        <pre className={styles.json} data-testid="source-json">
          {detailJson(item)}
        </pre>
      </div>
    </div>
  );
}
