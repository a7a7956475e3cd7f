variable "name" {
  description = "Prefix of resource names."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR of the VPC."
  type        = string
}

variable "availability_zones" {
  description = "The two zones of site B."
  type        = list(string)
}

variable "admin_cidrs" {
  description = "Networks allowed to SSH and reach the API."
  type        = list(string)
}

variable "site_a_cidr" {
  description = "Site A's network (its observer publishes to Kafka's external listener)."
  type        = string
  default     = "10.10.0.0/16"
  validation {
    condition     = can(cidrnetmask(var.site_a_cidr))
    error_message = "site_a_cidr must be an IPv4 CIDR block."
  }
}
