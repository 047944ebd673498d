import { pageInfoType } from '@daena/platform';

export const PageInfo = pageInfoType();
export type PageInfo = InstanceType<typeof PageInfo>;
