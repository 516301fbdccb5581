import { buttonClass } from "@/components/ui/button";
import { queryEntries, type QueryValues } from "@/lib/search-params";

type ExportLinksProps = {
  /** The list's download route, e.g. "/api/export/needs". */
  href: string;
  /** The list's current filters (empty values are dropped), so the file holds what the page shows. */
  params: QueryValues;
};

/** 导出 Excel / 导出 CSV for a list. Plain links: a download must not be prefetched. */
export function ExportLinks({ href, params }: ExportLinksProps) {
  const link = (format: string) => `${href}?${new URLSearchParams([...queryEntries(params), ["format", format]])}`;
  return (
    <>
      <a className={buttonClass("secondary")} href={link("xlsx")}>导出 Excel</a>
      <a className={buttonClass("secondary")} href={link("csv")}>导出 CSV</a>
    </>
  );
}
