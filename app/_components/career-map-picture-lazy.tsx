"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { CareerMapPicture as Picture } from "./career-map-picture";
import { pictureControlClass, pictureControls, pictureControlsRowClass, pictureHeightClass } from "./career-map-styles";

/** Holds the picture's exact place while it loads — the same control row and box — so nothing moves. */
function Placeholder() {
  const t = useTranslations("careerMap");
  return (
    <div aria-hidden="true">
      <div className={pictureControlsRowClass}>
        {pictureControls.map((control) => (
          <span key={control} className={`${pictureControlClass} text-slate-400`}>
            {t(control)}
          </span>
        ))}
      </div>
      <div className={`${pictureHeightClass} w-full rounded-lg border border-slate-200 bg-white`} />
    </div>
  );
}

/*
 * React Flow is loaded after the page (it is ~60 kB gzip): the heading, the list and the legend
 * arrive first and keep the route's first-load JavaScript under its 200 kB gzip budget. The
 * picture is drawn in the browser only — it needs the viewport's size anyway.
 */
const LazyPicture = dynamic(() => import("./career-map-picture").then((module) => module.CareerMapPicture), {
  ssr: false,
  loading: Placeholder,
});

export function CareerMapPictureLazy(props: ComponentProps<typeof Picture>) {
  return <LazyPicture {...props} />;
}
