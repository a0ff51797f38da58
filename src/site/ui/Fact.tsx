/** One row of an item's facts (类型, 时长, 讲师 …): a term and its value, left out when there is no value. */
import type { ReactNode } from "react";

export function Fact({
  children,
  label,
}: {
  children: ReactNode;
  label: string;
}) {
  if (
    children === null ||
    children === undefined ||
    children === false ||
    children === ""
  )
    return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
