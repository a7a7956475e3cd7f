variable "bucket_name" {
  description = "Name of the off-site bucket."
  type        = string
}

variable "object_lock_days" {
  description = "Default retention of each object version, in days."
  type        = number
}

variable "object_lock_mode" {
  description = "GOVERNANCE or COMPLIANCE."
  type        = string
}

variable "backup_expiry_days" {
  description = "Days after which current objects expire."
  type        = number
  validation {
    condition     = var.backup_expiry_days >= 1
    error_message = "backup_expiry_days must be at least 1."
  }
}

variable "noncurrent_expiry_days" {
  description = "Days after which noncurrent versions are removed."
  type        = number
  validation {
    condition     = var.noncurrent_expiry_days >= 1
    error_message = "noncurrent_expiry_days must be at least 1."
  }
}
