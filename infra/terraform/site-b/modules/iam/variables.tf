variable "name" {
  description = "Prefix of resource names."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the off-site bucket."
  type        = string
}

variable "dns_zone_id" {
  description = "Route 53 hosted zone whose records site B's ExternalDNS may change (the cutover record)."
  type        = string
}
