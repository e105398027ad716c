import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";

/** Role choices as named checkboxes, so a plain form post sends `roles` once per checked role. */
export function RoleCheckboxes({
  name = "roles",
  value,
  onChange,
  errors,
  legend = "Roles",
}: {
  name?: string;
  value?: string[];
  onChange?: (roles: string[]) => void;
  errors?: string[];
  legend?: string;
}) {
  const controlled = value !== undefined;
  return (
    <fieldset aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {ROLES.map((role) => (
          <label key={role} className="flex cursor-pointer items-start gap-2 rounded-md border border-zinc-200 p-2.5 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-zinc-700 dark:has-[:checked]:bg-accent-500/10">
            <input
              type="checkbox"
              name={name}
              value={role}
              className="mt-0.5 accent-accent-600"
              {...(controlled
                ? {
                    checked: value.includes(role),
                    onChange: (e) => onChange?.(e.target.checked ? [...value, role] : value.filter((r) => r !== role)),
                  }
                : {})}
            />
            <span>
              <span className="block font-medium">{ROLE_LABELS[role]}</span>
              <span className="block text-xs text-zinc-500">{ROLE_DESCRIPTIONS[role]}</span>
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${name}-error`} role="alert" className="mt-1.5 text-sm text-red-600 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
