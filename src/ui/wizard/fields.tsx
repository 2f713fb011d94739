/**
 * Form fields of the wizards: each is labelled by its setting, shows the xl default and why,
 * and shows the errors (from the resolver) and warnings (from buildDisk) about it as you type.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useController, useFormContext, type FieldPath } from 'react-hook-form';
import {
  Checkbox,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { FormValues } from './kinds';
import type { Issue } from './build';

/** Warnings by field path, computed by buildDisk on each change. */
export const WarningsContext = createContext<readonly Issue[]>([]);

export const fieldId = (name: string) => `field-${name.replace(/\./g, '-')}`;

type Name = FieldPath<FormValues>;

function errorAt(errors: unknown, name: string): string | undefined {
  let e: unknown = errors;
  for (const part of name.split('.')) {
    if (e === undefined || e === null || typeof e !== 'object') return undefined;
    e = (e as Record<string, unknown>)[part];
  }
  if (!e || typeof e !== 'object') return undefined;
  const o = e as { message?: unknown; root?: { message?: unknown } };
  const m = o.message ?? o.root?.message;
  return typeof m === 'string' ? m : undefined;
}

/** The error, warnings and help of one field, as PatternFly helper text. */
export function FieldMessages({ name, help, showEmpty = false }: { name: string; help?: ReactNode; showEmpty?: boolean }) {
  const { formState, getFieldState, getValues } = useFormContext<FormValues>();
  const warnings = useContext(WarningsContext).filter((w) => w.path === name);
  const error = errorAt(formState.errors, name);
  const state = getFieldState(name as Name, formState);
  const value = getValues(name as Name) as unknown;
  // A required field left empty and not yet visited says nothing yet.
  const visible = error !== undefined && (showEmpty || state.isTouched || state.isDirty || (value !== '' && value !== undefined));
  if (!visible && warnings.length === 0 && !help) return null;
  return (
    <FormHelperText>
      <HelperText id={`${fieldId(name)}-help`} aria-live="polite">
        {visible && (
          <HelperTextItem variant="error" screenReaderText="error">
            {error}
          </HelperTextItem>
        )}
        {warnings.map((w) => (
          <HelperTextItem key={w.message} variant="warning" screenReaderText="warning">
            {w.message}
          </HelperTextItem>
        ))}
        {help && <HelperTextItem>{help}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  );
}

function useValidated(name: string): 'error' | 'warning' | 'default' {
  const { formState, getFieldState, getValues } = useFormContext<FormValues>();
  const warn = useContext(WarningsContext).some((w) => w.path === name);
  const error = errorAt(formState.errors, name);
  const state = getFieldState(name as Name, formState);
  const value = getValues(name as Name) as unknown;
  if (error !== undefined && (state.isTouched || state.isDirty || (value !== '' && value !== undefined))) return 'error';
  return warn ? 'warning' : 'default';
}

type TextFieldProps = {
  name: Name;
  label: string;
  help?: ReactNode;
  placeholder?: string;
  type?: 'text' | 'password' | 'number';
  isRequired?: boolean;
  inputMode?: 'numeric' | 'text';
  /** Rendered after the input (e.g. a show-key button). */
  after?: ReactNode;
  autoComplete?: string;
  isDisabled?: boolean;
  /** Called after the value changed (and was stored). */
  onChanged?: (value: string) => void;
};

export function TextField({ name, label, help, placeholder, type = 'text', isRequired, inputMode, after, autoComplete = 'off', isDisabled, onChanged }: TextFieldProps) {
  const { field } = useController<FormValues>({ name });
  const validated = useValidated(name);
  const id = fieldId(name);
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <div className="xd-input-row">
        <TextInput
          id={id}
          name={name}
          type={type}
          value={(field.value as string | undefined) ?? ''}
          onChange={(_e, v) => {
            field.onChange(v);
            onChanged?.(v);
          }}
          onBlur={field.onBlur}
          ref={field.ref}
          validated={validated}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete={autoComplete}
          spellCheck={false}
          isDisabled={isDisabled}
          aria-describedby={`${id}-help`}
        />
        {after}
      </div>
      <FieldMessages name={name} help={help} />
    </FormGroup>
  );
}

export type Option = { value: string; label: string; isDisabled?: boolean };

type SelectFieldProps = {
  name: Name;
  label: string;
  options: readonly Option[];
  help?: ReactNode;
  isDisabled?: boolean;
  onChanged?: (value: string) => void;
};

export function SelectField({ name, label, options, help, isDisabled, onChanged }: SelectFieldProps) {
  const { field } = useController<FormValues>({ name });
  const validated = useValidated(name);
  const id = fieldId(name);
  return (
    <FormGroup label={label} fieldId={id}>
      <FormSelect
        id={id}
        name={name}
        value={field.value as string}
        onChange={(_e, v) => {
          field.onChange(v);
          onChanged?.(v);
        }}
        onBlur={field.onBlur}
        ref={field.ref}
        validated={validated}
        isDisabled={isDisabled}
        aria-describedby={`${id}-help`}
      >
        {options.map((o) => (
          <FormSelectOption key={o.value} value={o.value} label={o.label} isDisabled={o.isDisabled} />
        ))}
      </FormSelect>
      <FieldMessages name={name} help={help} />
    </FormGroup>
  );
}

export function CheckboxField({ name, label, help }: { name: Name; label: string; help?: ReactNode }) {
  const { field } = useController<FormValues>({ name });
  const id = fieldId(name);
  return (
    <FormGroup fieldId={id}>
      <Checkbox
        id={id}
        name={name}
        label={label}
        isChecked={Boolean(field.value)}
        onChange={(_e, checked) => field.onChange(checked)}
        onBlur={field.onBlur}
        ref={field.ref}
        aria-describedby={`${id}-help`}
      />
      <FieldMessages name={name} help={help} />
    </FormGroup>
  );
}

/** "Default X: why." — the line every field shows under it. */
export function Default({ value, children }: { value?: string; children: ReactNode }) {
  return (
    <>
      {value !== undefined && (
        <>
          Default <strong>{value}</strong>:{' '}
        </>
      )}
      {children}
    </>
  );
}
