// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract MultiDeposit {
    mapping(address => uint256) public credit;

    function depositMany(address[] calldata users) external payable { // @vulnerable: denial_of_service
        for (uint256 i = 0; i < users.length; i++) {
            credit[users[i]] += msg.value; // @vulnerable: other
        }
    }
}
