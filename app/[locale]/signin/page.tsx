import { titleFrom } from "@/app/_i18n/page-metadata";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/app/_i18n/navigation";
import { displayName, pick } from "@/app/_i18n/localized";
import { OidcSignInButton } from "@/app/_components/oidc-sign-in-button";
import { CsrfSubmitButton } from "@/app/_components/csrf-submit-button";
import { getRequestContext, getServerCaller } from "@/app/_trpc/server";
import { oidcConfig, readEnv } from "@/server/env";
import { CardSection } from "@/app/_components/card-section";

export const generateMetadata = titleFrom("signIn");

const errorKeys = {
  "demo-disabled": "demoDisabled",
  persona: "unknownPersona",
  expired: "expired",
  AccessDenied: "accessDenied",
  unknown: "accessDenied",
  inactive: "inactive",
  "linked-elsewhere": "linkedElsewhere",
  "too-many": "tooMany",
} as const;

/** Sign-in: the company's SSO, and in demo mode one button per demo persona. */
export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/signin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, demoSignInEnabled } = await getRequestContext();
  if (actor) redirect({ href: "/", locale });
  const t = await getTranslations("signIn");
  const currentLocale = await getLocale();
  const query = await searchParams;
  const errorParam = typeof query.error === "string" ? query.error : undefined;
  const errorKey = errorParam ? (errorKeys[errorParam as keyof typeof errorKeys] ?? "failed") : undefined;
  const oidc = oidcConfig(readEnv());
  const personas = demoSignInEnabled ? await (await getServerCaller()).session.demoPersonas() : [];
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
      </div>
      {errorKey ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {t(`errors.${errorKey}`)}
        </p>
      ) : null}
      {oidc ? <OidcSignInButton providerName={oidc.name} /> : null}
      {demoSignInEnabled ? (
        <CardSection headingId="demo-heading" title={t("demoHeading")}>
          <p className="mt-1 text-sm text-slate-700">{t("demoIntro")}</p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {personas.map((persona) => (
              <li key={persona.personId}>
                <form method="post" action="/api/demo-sign-in">
                  <input type="hidden" name="personId" value={persona.personId} />
                  <input type="hidden" name="locale" value={currentLocale} />
                  <CsrfSubmitButton className="w-full rounded-lg border border-slate-300 p-4 text-left hover:border-brand-600 hover:bg-brand-50 disabled:cursor-wait">
                    <span className="block text-sm font-semibold uppercase tracking-wide text-brand-700">
                      {t(`persona.${persona.key as "employee"}`)}
                    </span>
                    <span className="block text-lg font-medium">{displayName(persona, currentLocale)}</span>
                    <span className="block text-sm text-slate-700">
                      {pick(persona.department, currentLocale)} · {pick(persona.role, currentLocale)}
                    </span>
                  </CsrfSubmitButton>
                </form>
              </li>
            ))}
          </ul>
        </CardSection>
      ) : null}
      {!oidc && !demoSignInEnabled ? <p className="text-slate-700">{t("notConfigured")}</p> : null}
    </div>
  );
}
