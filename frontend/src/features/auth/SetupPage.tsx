import { useNavigate, useSearchParams } from 'react-router'
import { completeSetup } from './session'
import { SignInForm } from './SignInForm'

/** First start: the one-time link printed by the server lands here, and the admin chooses a password. */
export default function SetupPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  return (
    <SignInForm
      title="Set up InvestmentPlatform"
      intro="Choose the admin's name and password. This link works once."
      submitLabel="Create admin"
      confirmPassword
      defaultUser="admin"
      onSubmit={async (username, password) => {
        await completeSetup(params.get('token') ?? '', username, password)
        navigate('/', { replace: true })
      }}
    />
  )
}
