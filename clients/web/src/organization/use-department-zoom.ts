import type { DashboardOrganizationQuery } from '@daena/sdk';
import { useEffect, useRef, useState } from 'react';
import { useMediaQuery } from '../ui/use-media-query.js';

type Organization = DashboardOrganizationQuery['organization'];

/**
 * Where seats are too small to touch in the whole honeycomb (the phone layout of styles.css, or
 * a touch screen): a tap on a department brings its cell up close, seats large enough to touch.
 */
const touchLayout = '(max-width: 800px), (pointer: coarse)';

/**
 * Which department the honeycomb shows up close, where the layout asks for it: the one picked,
 * or the opened agent's. `zoomIn` is there while the cells are what a tap picks. Closing it puts
 * the keyboard focus back on the cell it came from.
 */
export function useDepartmentZoom(
  organization: Organization | undefined,
  agentId: string | undefined,
) {
  const touch = useMediaQuery(touchLayout);
  const [zoomedId, setZoomedId] = useState<string>();
  const [refocus, setRefocus] = useState<string>();
  const pane = useRef<HTMLElement>(null);
  const agentsDepartment = organization?.departments.find((d) =>
    d.agents.some((a) => a.id === agentId),
  )?.id;
  useEffect(() => {
    if (agentsDepartment) setZoomedId(agentsDepartment);
  }, [agentsDepartment]);
  useEffect(() => {
    if (!refocus) return;
    const cell = `[data-department-id="${CSS.escape(refocus)}"][role="button"]`;
    pane.current?.querySelector<SVGGElement>(cell)?.focus();
    setRefocus(undefined);
  }, [refocus]);
  const zoomed = touch ? zoomedId : undefined;
  return {
    /** The element around the honeycomb. */
    pane,
    zoomed,
    zoomIn: touch && !zoomed ? setZoomedId : undefined,
    zoomOut() {
      setRefocus(zoomed);
      setZoomedId(undefined);
    },
  };
}
