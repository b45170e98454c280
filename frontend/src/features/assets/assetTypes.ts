/** The asset types the server accepts (AssetType in the domain); the OpenAPI document types them as plain strings. */
export const assetTypes = ['stock', 'forex', 'crypto', 'bond', 'commodity', 'economic_indicator']
