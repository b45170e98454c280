import { useState, type FormEvent } from 'react'
import { fieldErrors, problemMessage } from '../../api/problem'
import { Card, PageHeader } from '../../components/Card'
import { DataTable, type Column } from '../../components/DataTable'
import { Button, Field, Input, Select } from '../../components/Form'
import { QueryState } from '../../components/QueryState'
import { RoleNote } from '../../components/RoleNote'
import { fmtTime } from '../../utils/format'
import { useCan, useMeQuery, type Role } from '../auth/authApi'
import { type UserDto, useCreateUserMutation, useListUsersQuery, useUpdateUserMutation } from './accessApi'

const roles: Role[] = ['viewer', 'analyst', 'admin']

/** The admin invites users (a name, a first password and a role), changes roles and disables accounts. */
export default function UsersPage() {
  const can = useCan('admin')
  const me = useMeQuery()
  const users = useListUsersQuery(undefined, { skip: !can.allowed })
  const [update, updateState] = useUpdateUserMutation()
  const self = (u: UserDto) => u.id === me.data?.id
  const columns: Column<UserDto>[] = [
    { header: 'Name', cellClassName: 'font-medium', cell: (u) => u.userName },
    {
      header: 'Role',
      cell: (u) => (
        <Select aria-label={`Role of ${u.userName}`} value={u.role} disabled={self(u)} title={self(u) ? 'You cannot change your own role.' : undefined}
          onChange={(e) => update({ id: u.id, role: e.target.value as Role })} className="w-auto">
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </Select>
      ),
    },
    { header: 'Status', cell: (u) => (u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${fmtTime(u.lockedUntil)}` : 'active') },
    { header: 'Created', cellClassName: 'num', cell: (u) => fmtTime(u.createdAt) },
    {
      header: <span className="sr-only">Actions</span>,
      cellClassName: 'text-right',
      cell: (u) => (
        <Button variant="secondary" disabled={self(u)} title={self(u) ? 'You cannot disable yourself.' : undefined}
          onClick={() => update({ id: u.id, disabled: !u.disabled })} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.userName}`}>
          {u.disabled ? 'Enable' : 'Disable'}
        </Button>
      ),
    },
  ]
  return (
    <>
      <PageHeader title="Users" />
      <RoleNote needed="admin" what="Managing users is disabled." />
      {can.allowed && (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <Card id="invite" title="Invite a user">
            <InviteForm />
          </Card>
          <Card id="users" title="Users" className="lg:col-span-2">
            {updateState.error ? <p role="alert" className="mb-2 text-sm text-rose-700 dark:text-rose-400">{problemMessage(updateState.error)}</p> : null}
            <QueryState query={users} loadingLabel="Loading users…">
              {(list) => (
                <DataTable caption="Users" columns={columns} rows={list} rowKey={(u) => u.id} rowProps={(u) => ({ 'data-user': u.userName })}
                  empty={<p className="text-sm">No users.</p>} />
              )}
            </QueryState>
          </Card>
        </div>
      )}
    </>
  )
}

function InviteForm() {
  const [create, state] = useCreateUserMutation()
  const [userName, setUserName] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>('analyst')
  const errors = fieldErrors(state.error)
  async function submit(e: FormEvent) {
    e.preventDefault()
    const r = await create({ userName, password, role })
    if (!('error' in r)) {
      setUserName('')
      setPassword('')
    }
  }
  return (
    <form aria-label="Invite a user" onSubmit={submit} className="flex flex-col gap-3">
      <Field label="User name" error={errors.userName}>{(p) => <Input {...p} value={userName} onChange={(e) => setUserName(e.target.value)} autoComplete="off" />}</Field>
      <Field label="First password" error={errors.password} hint="At least 8 characters with upper and lower case, a digit and a symbol.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field label="Role" error={errors.role}>
        {(p) => (
          <Select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => <option key={r} value={r}>{r}</option>)}
          </Select>
        )}
      </Field>
      {state.error && !Object.keys(errors).length ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{problemMessage(state.error)}</p> : null}
      {state.isSuccess && <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">Created {state.data.userName}.</p>}
      <Button type="submit" disabled={state.isLoading}>Invite</Button>
    </form>
  )
}
