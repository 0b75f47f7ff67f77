import { createContext, useContext } from 'react'

// The per-request CSP nonce, set by the server (scripts/server.ts) and read by <Scripts>.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
