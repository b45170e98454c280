import { useNavigate, useSearchParams } from 'react-router'
import { safeNext, signIn } from './session'
import { SignInForm } from './SignInForm'

export default function LoginPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  return (
    <SignInForm
      title="Sign in"
      intro="InvestmentPlatform needs you to sign in."
      submitLabel="Sign in"
      onSubmit={async (username, password) => {
        await signIn(username, password)
        navigate(safeNext(params.get('next')), { replace: true })
      }}
    />
  )
}
