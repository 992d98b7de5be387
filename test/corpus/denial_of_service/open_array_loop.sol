// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Distribution {
    address[] public investors;
    mapping(address => uint256) public owed;

    function invest() external payable { // @vulnerable: denial_of_service
        investors.push(msg.sender);
        owed[msg.sender] += msg.value;
    }

    function accrue() external {
        for (uint256 i = 0; i < investors.length; i++) { // @vulnerable: denial_of_service
            owed[investors[i]] += 1;
        }
    }
}
