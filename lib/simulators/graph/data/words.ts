/** Word lists for the demo company. Plain data; order matters for determinism. */
export const FIRST_NAMES = [
  "Adele", "Alex", "Allan", "Amara", "Ana", "Ben", "Bianca", "Carlos", "Chen", "Chloe",
  "Christie", "Daniel", "Debra", "Diego", "Elena", "Emily", "Enrico", "Fatima", "Grady", "Hana",
  "Henrietta", "Isaiah", "Ivan", "Jana", "Johanna", "Joni", "Kenji", "Lee", "Lidia", "Lynne",
  "Megan", "Miriam", "Nestor", "Nia", "Olga", "Omar", "Patti", "Pradeep", "Priya", "Quinn",
  "Rafael", "Raul", "Sakura", "Samir", "Sofia", "Tariq", "Thandiwe", "Tomasz", "Uma", "Valentina",
  "Vikram", "Wei", "Wilhelmina", "Xavier", "Yara", "Yusuf", "Zanele", "Zoe", "Aisha", "Bruno",
] as const;

export const LAST_NAMES = [
  "Vance", "Wilber", "Deyoung", "Okafor", "Lima", "Walters", "Rossi", "Mendes", "Wang", "Dubois",
  "Cline", "Kowalski", "Berg", "Alvarez", "Petrova", "Brown", "Bianchi", "Haddad", "Archie", "Sato",
  "Jansen", "Henderson", "Novak", "Fischer", "Lindqvist", "Sherman", "Tanaka", "Gu", "Holloway", "Robbins",
  "Bowen", "Graham", "Garcia", "Mensah", "Ivanova", "Farouk", "Fernandez", "Gupta", "Raman", "Murphy",
  "Costa", "Ortega", "Yamamoto", "Nasser", "Martin", "Aziz", "Dlamini", "Nowak", "Iyer", "Romero",
  "Rao", "Zhang", "Schmidt", "Moreau", "Hughes", "Demir", "Ndlovu", "Larsen", "Khan", "Silva",
] as const;

/** Departments with plausible titles; the weight is the share of members in it. */
export const DEPARTMENTS: ReadonlyArray<{ name: string; weight: number; titles: readonly string[] }> = [
  { name: "Engineering", weight: 26, titles: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "Site Reliability Engineer", "QA Engineer"] },
  { name: "Sales", weight: 16, titles: ["Account Executive", "Sales Development Representative", "Regional Sales Director", "Sales Engineer"] },
  { name: "Marketing", weight: 9, titles: ["Product Marketing Manager", "Content Strategist", "Marketing Analyst", "Brand Designer"] },
  { name: "Customer Success", weight: 10, titles: ["Customer Success Manager", "Support Engineer", "Support Team Lead"] },
  { name: "Finance", weight: 6, titles: ["Financial Analyst", "Controller", "Accounts Payable Specialist", "CFO"] },
  { name: "Human Resources", weight: 5, titles: ["HR Business Partner", "Recruiter", "People Operations Specialist"] },
  { name: "IT", weight: 7, titles: ["IT Administrator", "Identity Engineer", "Helpdesk Technician", "Security Analyst"] },
  { name: "Legal", weight: 3, titles: ["Corporate Counsel", "Paralegal", "Compliance Officer"] },
  { name: "Operations", weight: 8, titles: ["Operations Manager", "Logistics Coordinator", "Facilities Manager"] },
  { name: "Product", weight: 7, titles: ["Product Manager", "Senior Product Manager", "UX Researcher", "Product Designer"] },
  { name: "Executive", weight: 1, titles: ["Chief Executive Officer", "Chief Technology Officer", "Chief Operating Officer"] },
];

export const OFFICES = [
  { office: "Redmond - Building 18", city: "Redmond", country: "United States", usage: "US", lang: "en-US", phone: "+1 425 555 " },
  { office: "New York - 5th Ave", city: "New York", country: "United States", usage: "US", lang: "en-US", phone: "+1 212 555 " },
  { office: "London - Paddington", city: "London", country: "United Kingdom", usage: "GB", lang: "en-GB", phone: "+44 20 7946 " },
  { office: "Dublin - Docklands", city: "Dublin", country: "Ireland", usage: "IE", lang: "en-IE", phone: "+353 1 555 " },
  { office: "Munich - Schwabing", city: "Munich", country: "Germany", usage: "DE", lang: "de-DE", phone: "+49 89 5550 " },
  { office: "Paris - La Défense", city: "Paris", country: "France", usage: "FR", lang: "fr-FR", phone: "+33 1 5555 " },
  { office: "Bangalore - Whitefield", city: "Bengaluru", country: "India", usage: "IN", lang: "en-IN", phone: "+91 80 5555 " },
  { office: "Tokyo - Shinagawa", city: "Tokyo", country: "Japan", usage: "JP", lang: "ja-JP", phone: "+81 3 5555 " },
  { office: "São Paulo - Faria Lima", city: "São Paulo", country: "Brazil", usage: "BR", lang: "pt-BR", phone: "+55 11 5555 " },
  { office: "Remote", city: null, country: null, usage: "US", lang: "en-US", phone: "+1 425 555 " },
] as const;

export const GUEST_DOMAINS = ["fabrikam.com", "northwindtraders.com", "adventure-works.com", "tailspintoys.com", "wingtiptoys.com", "litwareinc.com"] as const;

export const GROUP_TOPICS = [
  "Project Falcon", "Project Orion", "Mobile App", "Data Platform", "Payments", "Identity", "Cloud Migration",
  "Design Guild", "Security Champions", "Onboarding", "Quarterly Planning", "Customer Advisory Board", "Partner Enablement",
  "Incident Response", "Architecture Review", "Hackathon", "Diversity Council", "Sustainability", "Social Club", "Book Club",
  "Release Train", "Observability", "API Platform", "Mergers", "Field Marketing", "EMEA Sales", "APAC Sales", "Americas Sales",
] as const;

export const APP_NAMES = [
  "Billing API", "Customer Portal", "Inventory Service", "HR Connector", "Expense Tracker", "Data Lake Ingest",
  "Order Processor", "Partner Gateway", "Analytics Dashboard", "Mobile Backend", "Ticketing Bot", "Build Agent",
  "Docs Site", "Feature Flags", "Search Indexer", "Payroll Sync", "Identity Governance", "Backup Job", "Chat Assistant", "Reporting Service",
] as const;

export const APP_ENVIRONMENTS = ["prod", "staging", "dev", "test", "sandbox"] as const;

/** Real first-party Microsoft apps (well-known appIds) that appear as service principals in every tenant. */
export const FIRST_PARTY_APPS: ReadonlyArray<readonly [string, string]> = [
  ["Microsoft Graph", "00000003-0000-0000-c000-000000000000"],
  ["Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"],
  ["Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000"],
  ["Microsoft Teams Services", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe"],
  ["Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"],
  ["Microsoft Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46"],
  ["Microsoft Intune", "0000000a-0000-0000-c000-000000000000"],
  ["Windows Azure Service Management API", "797f4846-ba00-4fd7-ba43-dac1f8f63013"],
  ["Azure Key Vault", "cfa8b339-82a2-471a-a3c9-0fc0be7a4093"],
  ["Power BI Service", "00000009-0000-0000-c000-000000000000"],
  ["Microsoft Forms", "c9a559d2-7aab-4f13-a6ed-e7e9c52aec87"],
  ["Office 365 Management APIs", "c5393580-f805-4401-95e8-94b7a6ef2fc2"],
] as const;

export const THIRD_PARTY_APPS = [
  ["Salesforce", "Salesforce.com"], ["ServiceNow", "ServiceNow"], ["GitHub Enterprise Cloud", "GitHub"], ["Slack", "Slack Technologies"],
  ["Zoom", "Zoom Video Communications"], ["Atlassian Cloud", "Atlassian"], ["Workday", "Workday"], ["Datadog", "Datadog"],
  ["Port", "Port Labs"], ["Adobe Creative Cloud", "Adobe"], ["DocuSign", "DocuSign"], ["Box", "Box"],
] as const;

export const MANAGED_IDENTITY_PREFIXES = ["func", "app", "vm", "aks", "logic", "adf", "apim"] as const;
export const AZURE_REGIONS = ["westeurope", "northeurope", "eastus", "westus2", "uksouth", "japaneast"] as const;
