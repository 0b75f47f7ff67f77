import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

// Shared layout for every Waypoint email: the blue Waypoint bar, one heading, the message and the
// standing footer (do not reply; we never ask for passwords). Emails never carry victim names,
// addresses, dates of birth or case detail: a pseudonymous reference and a link at most.
// Styles are inline (email clients drop <style>) and follow GOV.UK: Arial, 19px, underlined links.
const body = { backgroundColor: '#ffffff', fontFamily: 'Arial, Helvetica, sans-serif', color: '#0b0c0c' }
const bar = { backgroundColor: '#1d70b8', padding: '12px 20px' }
const brand = { color: '#ffffff', fontSize: '20px', fontWeight: 700, margin: 0 }
const container = { maxWidth: '580px', padding: '0 20px' }

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Section style={bar}>
          <Text style={brand}>Waypoint</Text>
        </Section>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: '26px', margin: '24px 0 16px' }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: '#b1b4b6', margin: '32px 0 16px' }} />
          <Text style={{ fontSize: '14px', color: '#505a5f' }}>
            This is an automatic message from Waypoint. Do not reply to it. Waypoint never asks for your
            password or a security code by email. If you did not expect this message, tell your Waypoint
            administrator.
          </Text>
        </Container>
      </Body>
    </Html>
  )
}

export const paragraph = { fontSize: '19px', lineHeight: '1.4', margin: '0 0 16px' }
export const link = { color: '#1d70b8', fontSize: '19px', textDecorationLine: 'underline' }
